# expect: error ValueError
# cpython: same
import asyncio
asyncio.run(5)
