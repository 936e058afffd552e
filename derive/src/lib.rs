//! Implementation detail of zerospec.

use proc_macro::TokenStream;

#[proc_macro_derive(Encode, attributes(serde, zerospec))]
pub fn derive_encode(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}

#[proc_macro_derive(Decode, attributes(serde, zerospec))]
pub fn derive_decode(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}
