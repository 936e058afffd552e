use zerospec::{Decode, Encode};

mod via {
    pub fn encode<E: zerospec::Encoder>(_: &u8, _: &mut E) -> zerospec::Result<()> {
        Ok(())
    }
    pub fn decode<'de, D: zerospec::Decoder<'de>>(_: &mut D) -> zerospec::Result<u8> {
        Ok(0)
    }
}

#[derive(Encode, Decode)]
struct Outer {
    #[serde(flatten)]
    #[zerospec(with = "via")]
    inner: u8,
}

fn main() {}
