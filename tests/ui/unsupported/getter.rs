use zerospec::{Decode, Encode};

mod other {
    pub struct Id {
        value: u64,
    }
    impl Id {
        pub fn value(&self) -> u64 {
            self.value
        }
    }
}

#[derive(Encode, Decode)]
struct IdDef {
    #[serde(getter = "other::Id::value")]
    value: u64,
}

fn main() {}
