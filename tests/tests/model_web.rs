//! A web API's model, as a service crate writes it for serde, with zerospec's
//! derive added to every type and nothing else changed: `DateTime<Utc>`,
//! `Uuid`, `Decimal`, `IpAddr`, `Option<Url>`, `serde_json::Value` maps,
//! an internally tagged enum, and `chrono::serde::ts_seconds` through serde's
//! own `with`.

use std::collections::HashMap;
use std::net::IpAddr;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use url::Url;
use uuid::Uuid;

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub created_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_seconds")]
    pub updated_at: DateTime<Utc>,
    pub total: Decimal,
    pub currency: Currency,
    pub lines: Vec<OrderLine>,
    pub client_ip: IpAddr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback: Option<Url>,
    #[serde(default)]
    pub metadata: HashMap<String, serde_json::Value>,
    pub payment: Payment,
}

#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, Copy, PartialEq,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Eur,
    Usd,
    Jpy,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OrderLine {
    pub sku: String,
    pub quantity: u32,
    pub unit_price: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Decimal>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Payment {
    Card {
        last4: String,
        expires: String,
    },
    Invoice {
        due: DateTime<Utc>,
        reference: Option<String>,
    },
    Voucher(Voucher),
    Free,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Voucher {
    pub code: String,
    pub issued_by: Option<Uuid>,
}

#[path = "models/agree.rs"]
mod agree;

use chrono::TimeZone;
use proptest::prelude::*;

fn order() -> Order {
    Order {
        id: Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8),
        customer_id: Uuid::from_u128(7),
        created_at: Utc.timestamp_opt(1_700_000_000, 123_456_789).unwrap(),
        updated_at: Utc.timestamp_opt(1_700_000_100, 0).unwrap(),
        total: Decimal::new(12_050, 2),
        currency: Currency::Eur,
        lines: vec![
            OrderLine {
                sku: "A-1".into(),
                quantity: 2,
                unit_price: Decimal::new(5_000, 2),
                discount: None,
            },
            OrderLine {
                sku: "B-2".into(),
                quantity: 1,
                unit_price: Decimal::new(2_050, 2),
                discount: Some(Decimal::new(-5, 1)),
            },
        ],
        client_ip: "2001:db8::1".parse().unwrap(),
        callback: Some(Url::parse("https://example.com/hooks?o=1").unwrap()),
        metadata: HashMap::from([(
            "source".to_owned(),
            serde_json::json!({"app": "ios", "v": [1, 2.5, null]}),
        )]),
        payment: Payment::Invoice {
            due: Utc.timestamp_opt(1_702_000_000, 0).unwrap(),
            reference: Some("INV-9".into()),
        },
    }
}

#[test]
fn an_order_reads_and_writes_as_with_serde() {
    let order = order();
    agree::agree_on_value(&order);
    let json = serde_json::to_string(&order).unwrap();
    assert!(json.contains(r#""updatedAt":1700000100"#), "{json}");
    assert!(
        json.contains(r#""createdAt":"2023-11-14T22:13:20.123456789Z""#),
        "{json}"
    );
    assert!(
        json.contains(
            r#""payment":{"type":"invoice","due":"2023-12-08T01:46:40Z","reference":"INV-9"}"#
        ),
        "{json}"
    );
    for payment in [
        Payment::Card {
            last4: "4242".into(),
            expires: "12/30".into(),
        },
        Payment::Voucher(Voucher {
            code: "X".into(),
            issued_by: Some(Uuid::nil()),
        }),
        Payment::Free,
    ] {
        agree::agree_on_value(&Order {
            payment,
            ..order.clone()
        });
    }
}

#[test]
fn order_documents_from_clients_read_as_with_serde() {
    let base = serde_json::to_value(order()).unwrap();
    let mut documents = vec![serde_json::to_string(&base).unwrap()];
    // The tag anywhere, fields missing, wrong types, extra fields.
    for (pointer, value) in [
        (
            "/payment",
            serde_json::json!({"due": "2024-01-01T00:00:00+02:00", "type": "invoice", "reference": null}),
        ),
        (
            "/payment",
            serde_json::json!({"type": "voucher", "code": "V", "issued_by": null}),
        ),
        ("/payment", serde_json::json!({"type": "cash"})),
        ("/total", serde_json::json!(12.5)),
        ("/total", serde_json::json!("1e3")),
        ("/clientIp", serde_json::json!("10.0.0.300")),
        (
            "/id",
            serde_json::json!("67E55044-10B1-426F-9247-BB680E5FE0C8"),
        ),
        ("/updatedAt", serde_json::json!("1700000100")),
        ("/callback", serde_json::json!("not a url")),
        ("/metadata", serde_json::json!(null)),
        ("/lines/0/quantity", serde_json::json!(-1)),
    ] {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        documents.push(serde_json::to_string(&doc).unwrap());
    }
    let mut read = 0;
    for doc in &documents {
        read += usize::from(agree::agree_on_document::<Order>(doc).is_some());
    }
    assert_eq!(read, 6, "documents both libraries read");
    let err = zerospec::json::from_str::<Order>(&documents[3]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid enum value `cash` - at `$.payment.type`"
    );
}

fn uuid() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-62_000_000_000i64..250_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| Utc.timestamp_opt(secs, nanos).unwrap())
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=28).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(IpAddr::from),
        any::<[u8; 16]>().prop_map(IpAddr::from)
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        (-1e300f64..1e300).prop_map(serde_json::Value::from),
        "[a-z\u{e9}\"\\\\ ]{0,6}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn payment() -> impl Strategy<Value = Payment> {
    prop_oneof![
        ("[0-9]{4}", "[0-9/]{5}").prop_map(|(last4, expires)| Payment::Card { last4, expires }),
        (instant(), proptest::option::of("[A-Z0-9-]{1,8}"))
            .prop_map(|(due, reference)| Payment::Invoice { due, reference }),
        ("[A-Z]{1,6}", proptest::option::of(uuid()))
            .prop_map(|(code, issued_by)| Payment::Voucher(Voucher { code, issued_by })),
        Just(Payment::Free),
    ]
}

prop_compose! {
    fn line()(sku in "[A-Z]-[0-9]{1,3}", quantity in any::<u32>(), unit_price in decimal(),
               discount in proptest::option::of(decimal())) -> OrderLine {
        OrderLine { sku, quantity, unit_price, discount }
    }
}

prop_compose! {
    fn generated_order()(
        id in uuid(), customer_id in uuid(), created_at in instant(),
        updated_secs in -62_000_000_000i64..250_000_000_000, total in decimal(),
        currency in prop_oneof![Just(Currency::Eur), Just(Currency::Usd), Just(Currency::Jpy)],
        lines in prop::collection::vec(line(), 0..4), client_ip in ip(),
        callback in proptest::option::of("[a-z]{1,8}".prop_map(|h| Url::parse(&format!("https://{h}.example/p?q=1")).unwrap())),
        metadata in prop::collection::hash_map("[a-z]{1,5}", json_value(), 0..3),
        payment in payment(),
    ) -> Order {
        let updated_at = Utc.timestamp_opt(updated_secs, 0).unwrap();
        Order { id, customer_id, created_at, updated_at, total, currency, lines, client_ip, callback, metadata, payment }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_orders_agree_with_serde(order in generated_order()) {
        agree::agree_on_value(&order);
    }
}
