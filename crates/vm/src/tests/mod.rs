//! The VM core's own tests of what Python cannot observe: the GIL's switching rules, checked on
//! recorded GIL events ([`threads`]). Behaviour a Python program can see is tested as
//! differential cases under `tests/cases/` (README, Tests).

mod threads;
