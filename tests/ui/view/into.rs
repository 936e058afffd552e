use zerospec::View;

#[derive(View, Clone)]
#[serde(into = "u32")]
struct Id {
    value: u32,
}

fn main() {}
