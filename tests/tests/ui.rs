//! Compile errors of the derive: one mistake per file under `tests/ui/`, with
//! the expected message and span checked in beside it.
//!
//! After changing a message, regenerate with `TRYBUILD=overwrite cargo test -p
//! zerospec-tests --test ui` and read every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
}
