use zerospec::View;

mod as_text {}

#[derive(View)]
struct Reading {
    #[zerospec(with = "as_text")]
    value: u32,
}

fn main() {}
