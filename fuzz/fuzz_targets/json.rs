#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zerospec_fuzz::json(data));
