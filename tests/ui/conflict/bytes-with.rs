use zerospec::{Decode, Encode};

mod via {
    pub fn encode<E: zerospec::Encoder>(_: &Vec<u8>, _: &mut E) -> zerospec::Result<()> {
        Ok(())
    }
    pub fn decode<'de, D: zerospec::Decoder<'de>>(_: &mut D) -> zerospec::Result<Vec<u8>> {
        Ok(Vec::new())
    }
}

#[derive(Encode, Decode)]
struct Blob {
    #[zerospec(bytes, with = "via")]
    data: Vec<u8>,
}

fn main() {}
