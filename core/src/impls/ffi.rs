//! C strings and OS strings, as serde writes them: `CString` and `CStr` as
//! binary (their bytes without the nul: an array of numbers in JSON, a `bin`
//! in MessagePack), read from binary or an array of numbers and refused when
//! they hold a nul byte; `OsString` and `OsStr` (on Unix) as the variant
//! `{"Unix": [bytes...]}`.
//!
//! Positional formats store each as bytes (a length, then the bytes).

use std::ffi::{CStr, CString};

use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

impl Encode for CStr {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_bytes(self.to_bytes())
    }
}

impl Encode for CString {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        self.as_c_str().encode(encoder)
    }
}

impl<'de> Decode<'de> for CString {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        // Positional formats are not self-describing: bytes are bytes there.
        let bytes = if !D::POSITIONAL && decoder.peek()? == Peek::Seq {
            Vec::<u8>::decode(decoder)?
        } else {
            decoder.decode_bytes()?.to_vec()
        };
        CString::new(bytes).map_err(|err| {
            decoder.locate(Error::invalid(format!(
                "Invalid C string: nul byte at index {}",
                err.nul_position()
            )))
        })
    }
}

impl<'de> Decode<'de> for Box<CStr> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        CString::decode(decoder).map(CString::into_boxed_c_str)
    }
}

#[cfg(unix)]
mod os {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::{OsStrExt, OsStringExt};

    use crate::decode::{Decode, Decoder};
    use crate::encode::{Encode, Encoder};
    use crate::error::{Error, ErrorKind, Result};
    use crate::impls::variant::{Content, decode_variant, encode_newtype};

    const VARIANTS: [(&str, Content); 2] =
        [("Unix", Content::Newtype), ("Windows", Content::Newtype)];

    impl Encode for OsStr {
        #[inline]
        fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
            if E::POSITIONAL {
                return encoder.encode_bytes(self.as_bytes());
            }
            // An array of numbers, as serde writes a `[u8]`.
            encode_newtype(encoder, "Unix", 0, self.as_bytes())
        }
    }

    impl Encode for OsString {
        #[inline]
        fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
            self.as_os_str().encode(encoder)
        }
    }

    impl<'de> Decode<'de> for OsString {
        fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
            if D::POSITIONAL {
                return Ok(OsString::from_vec(decoder.decode_bytes()?.to_vec()));
            }
            decode_variant(decoder, &VARIANTS, |decoder, index| {
                match (decoder, index) {
                    (Some(decoder), 0) => Vec::<u8>::decode(decoder).map(OsString::from_vec),
                    _ => Err(Error::with_kind(
                        ErrorKind::Unsupported,
                        "a Windows OS string cannot be read on Unix",
                    )),
                }
            })
        }
    }

    impl<'de> Decode<'de> for Box<OsStr> {
        #[inline]
        fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
            OsString::decode(decoder).map(OsString::into_boxed_os_str)
        }
    }
}
