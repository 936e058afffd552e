use zerospec::View;

#[derive(View)]
struct Wrapper<T> {
    value: T,
}

fn main() {}
