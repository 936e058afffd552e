use zerospec::Encode;

#[derive(Encode)]
#[zerospec(fixed)]
struct Named {
    id: u32,
    name: String,
}

fn main() {}
