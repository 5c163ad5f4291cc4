# uuid: parsing forms, fields, name-based uuid3/uuid5 (fixed values), random uuid4 shape.
import uuid

u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(repr(u), str(u), u.hex, u.int, u.bytes, u.bytes_le, u.urn)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq, u.node, u.version, u.variant)
for form in ['12345678123456781234567812345678', 'urn:uuid:12345678-1234-5678-1234-567812345678',
             '12345678-1234-5678-1234-567812345678']:
    print(uuid.UUID(form) == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u, hash(u) == hash(uuid.UUID(int=u.int)))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x.org/'))
print(uuid.uuid5(uuid.NAMESPACE_OID, '1.2.3'), uuid.uuid3(uuid.NAMESPACE_X500, 'cn=x'))
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
print(uuid.uuid1().version, uuid.RFC_4122, uuid.SafeUUID.unknown, sorted([uuid.UUID(int=3), uuid.UUID(int=1)]))
print(uuid.UUID(int=5) < uuid.UUID(int=9), uuid.NIL if hasattr(uuid, 'NIL') else 'nil-3.12')
for bad in ['1234', '{12345678-1234-5678-1234-56781234567g}']:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print('ValueError', e)
uuid.UUID(int=-1)
