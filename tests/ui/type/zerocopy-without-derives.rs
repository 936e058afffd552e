use zerospec::{Decode, Encode};

// `zerocopy` asks for zerocopy's `IntoBytes`, `FromBytes` and `Immutable`
// (derived, with `#[repr(C)]`), which this struct lacks.
#[derive(Encode, Decode)]
#[zerospec(fixed, zerocopy)]
struct Point {
    x: f32,
    y: f32,
}

fn main() {}
