# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
while True:
    try:
        while True:
            1 / 0
    except BaseException:
        pass
    except:
        pass
    finally:
        print('finally')
