use zerospec::Decode;

struct Opaque;

#[derive(Decode)]
struct User {
    name: String,
    extra: Opaque,
}

fn main() {}
