//! A tour of zerospec: the same types, deriving both serde's traits and
//! zerospec's, run through serde_json and zerospec side by side.
//!
//! ```text
//! cargo run --release -p zerospec-examples --example tour
//! ```
//!
//! It generates the order export of a small web shop, checks that both libraries
//! decode and encode it identically, shows how each reports bad input, and
//! times both.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

const ORDERS: u64 = 20_000;
const SEED: u64 = 42;
const RUNS: usize = 15;

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
struct Export {
    generated_at: String,
    orders: Vec<Order>,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
struct Order {
    id: u64,
    customer: Customer,
    created_at: String,
    status: Status,
    items: Vec<LineItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    coupon: Option<String>,
    tags: Vec<String>,
    total: f64,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq, Clone)]
struct Customer {
    name: String,
    email: String,
    note: Option<String>,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
struct LineItem {
    sku: String,
    title: String,
    // serde ignores this attribute; zerospec checks it while decoding.
    #[zerospec(ge = 1)]
    qty: u32,
    unit_price: f64,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Status {
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    RefundRequested,
}

fn main() {
    let export = generate(ORDERS, SEED);
    let json = serde_json::to_vec(&export).unwrap();
    let size = megabytes(json.len());
    println!("zerospec tour: {ORDERS} orders of a web shop, {size} of JSON (seed {SEED})");
    if cfg!(debug_assertions) {
        println!("(debug build: add --release for meaningful timings)");
    }

    println!("\nSame results");
    let ours: Export = zerospec::json::from_slice(&json).unwrap();
    let theirs: Export = serde_json::from_slice(&json).unwrap();
    check("from_slice: equal values", ours == theirs && ours == export);
    check(
        "to_vec: identical bytes",
        zerospec::json::to_vec(&export).unwrap() == json,
    );
    let pretty = zerospec::json::to_vec_pretty(&export).unwrap();
    check(
        "to_vec_pretty: identical bytes",
        pretty == serde_json::to_vec_pretty(&export).unwrap(),
    );

    println!("\nErrors say where");
    // A few orders are enough to show the messages: up to the first one, from
    // the fourth on, with at least two items.
    let i = (3..).find(|&i| export.orders[i].items.len() >= 2).unwrap();
    let orders = export.orders[..=i].to_vec();
    let small = Export {
        generated_at: export.generated_at.clone(),
        orders,
    };
    let with_qty = |qty: serde_json::Value| {
        let mut tree = serde_json::to_value(&small).unwrap();
        tree["orders"][i]["items"][1]["qty"] = qty;
        serde_json::to_vec(&tree).unwrap()
    };
    compare(
        &format!("orders[{i}].items[1].qty is the string \"2\""),
        &with_qty("2".into()),
    );
    compare(
        &format!("orders[{i}].items[1].qty is 0, below its `ge = 1`"),
        &with_qty(0.into()),
    );
    let mut trailing_comma = serde_json::to_vec(&small).unwrap();
    trailing_comma.insert(trailing_comma.len() - 2, b',');
    compare("a trailing comma after the last order", &trailing_comma);

    println!("\nJSON speed (best of {RUNS} runs)");
    header("serde_json");
    row(
        "decode",
        time(|| serde_json::from_slice::<Export>(&json).unwrap()),
        time(|| zerospec::json::from_slice::<Export>(&json).unwrap()),
    );
    row(
        "encode",
        time(|| serde_json::to_vec(&export).unwrap()),
        time(|| zerospec::json::to_vec(&export).unwrap()),
    );
    row(
        "encode, pretty",
        time(|| serde_json::to_vec_pretty(&export).unwrap()),
        time(|| zerospec::json::to_vec_pretty(&export).unwrap()),
    );

    // The same types, the same derive, a second format.
    println!("\nMessagePack, the same types");
    let packed = zerospec::msgpack::to_vec(&export).unwrap();
    println!("  {} of MessagePack", megabytes(packed.len()));
    check(
        "msgpack::to_vec: identical bytes to rmp_serde::to_vec_named",
        packed == rmp_serde::to_vec_named(&export).unwrap(),
    );
    check(
        "msgpack::from_slice: equal values",
        zerospec::msgpack::from_slice::<Export>(&packed).unwrap() == export,
    );
    header("rmp-serde");
    row(
        "decode",
        time(|| rmp_serde::from_slice::<Export>(&packed).unwrap()),
        time(|| zerospec::msgpack::from_slice::<Export>(&packed).unwrap()),
    );
    row(
        "encode",
        time(|| rmp_serde::to_vec_named(&export).unwrap()),
        time(|| zerospec::msgpack::to_vec(&export).unwrap()),
    );
}

fn header(peer: &str) {
    println!(
        "  {:<16} {:>12} {:>12} {:>10}",
        "operation", peer, "zerospec", "speed-up"
    );
}

fn check(what: &str, ok: bool) {
    println!("  {} {what}", if ok { "✓" } else { "✗ MISMATCH:" });
    if !ok {
        std::process::exit(1);
    }
}

/// Decodes `bad` with both libraries and prints what each says.
fn compare(what: &str, bad: &[u8]) {
    let ours = zerospec::json::from_slice::<Export>(bad)
        .err()
        .map(|e| e.to_string());
    let theirs = serde_json::from_slice::<Export>(bad)
        .err()
        .map(|e| e.to_string());
    let accepted = || "(accepted)".to_owned();
    println!("  {what}:");
    println!("    zerospec    {}", ours.unwrap_or_else(accepted));
    println!("    serde_json  {}", theirs.unwrap_or_else(accepted));
}

/// The fastest of [`RUNS`] runs: the least disturbed by the rest of the machine.
fn time<R>(mut f: impl FnMut() -> R) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        black_box(f());
        best = best.min(start.elapsed());
    }
    best
}

fn row(operation: &str, serde_json: Duration, zerospec: Duration) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
    let ratio = serde_json.as_secs_f64() / zerospec.as_secs_f64();
    println!(
        "  {operation:<16} {:>12} {:>12} {ratio:>9.2}×",
        ms(serde_json),
        ms(zerospec)
    );
}

#[allow(clippy::cast_precision_loss)] // a few megabytes
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// splitmix64: small, fast, and good enough to make test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// One of the `|`-separated choices in `list`.
    fn pick<'a>(&mut self, list: &'a str) -> &'a str {
        let n = list.split('|').count() as u64;
        list.split('|')
            .nth(usize::try_from(self.range(0, n - 1)).unwrap())
            .unwrap()
    }

    fn percent(&mut self, p: u64) -> bool {
        self.range(1, 100) <= p
    }
}

// First and last names, each with the form used in e-mail addresses.
const FIRST: &str = "Zoë:zoe|José:jose|Łukasz:lukasz|Ингрид:ingrid|美咲:misaki|Søren:soren|\
                     Chloé:chloe|Aoife:aoife|Mohammed:mohammed|Renée \"Ree\":renee";
const LAST: &str = "Müller:mueller|Álvarez:alvarez|Wiśniewski:wisniewski|O'Brien:obrien|\
                    Nakamura:nakamura|Kierkegaard:kierkegaard|Nguyễn:nguyen|Smith:smith";
const DOMAINS: &str = "example.com|mail.example.org|exämple.de|corp.example.net";
const NOTES: &str = "Leave at the \"blue\" door|Call first\nGate code: 4411|\
                     Fragile!\tHandle with care|Deliver to C:\\Receiving\\Dock 2|\
                     🎁 gift wrap, please|Ring twice \u{7}";
const PRODUCTS: &str = "Crème brûlée torch|Café au lait mug|Kendama 剣玉|Ærø wool socks|\
                        USB-C cable, 2 m|Notebook A5 \"dotted\"|Espresso beans 1 kg|\
                        Naïve art print 30×40";
const TAGS: &str = "gift|express|fragile|b2b|first-order|wholesale";
const COUPONS: &str = "SPRING-10|WELCOME5|VIP-20";
const STATUSES: [Status; 6] = [
    Status::Pending,
    Status::Paid,
    Status::Shipped,
    Status::Delivered,
    Status::Cancelled,
    Status::RefundRequested,
];

fn generate(orders: u64, seed: u64) -> Export {
    let mut rng = Rng(seed);
    let item = |rng: &mut Rng| LineItem {
        sku: format!("SKU-{:05}", rng.range(0, 99_999)),
        title: rng.pick(PRODUCTS).to_owned(),
        qty: u32::try_from(rng.range(1, 4)).unwrap(),
        unit_price: f64::from(u32::try_from(rng.range(199, 19_999)).unwrap()) / 100.0,
    };
    let orders = (0..orders)
        .map(|n| {
            let (first, first_ascii) = rng.pick(FIRST).split_once(':').unwrap();
            let (last, last_ascii) = rng.pick(LAST).split_once(':').unwrap();
            let number = rng.range(1, 99);
            let domain = rng.pick(DOMAINS);
            let items: Vec<LineItem> = (0..rng.range(1, 5)).map(|_| item(&mut rng)).collect();
            let total: f64 = items.iter().map(|i| f64::from(i.qty) * i.unit_price).sum();
            Order {
                id: 1_000_000 + n,
                customer: Customer {
                    name: format!("{first} {last}"),
                    email: format!("{first_ascii}.{last_ascii}{number}@{domain}"),
                    note: rng.percent(15).then(|| rng.pick(NOTES).to_owned()),
                },
                created_at: format!(
                    "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                    rng.range(1, 12),
                    rng.range(1, 28),
                    rng.range(0, 23),
                    rng.range(0, 59),
                    rng.range(0, 59)
                ),
                status: STATUSES[usize::try_from(rng.range(0, 5)).unwrap()],
                items,
                coupon: rng.percent(20).then(|| rng.pick(COUPONS).to_owned()),
                tags: (0..rng.range(0, 3))
                    .map(|_| rng.pick(TAGS).to_owned())
                    .collect(),
                total: (total * 100.0).round() / 100.0,
            }
        })
        .collect();
    Export {
        generated_at: "2024-12-31T23:59:59Z".to_owned(),
        orders,
    }
}
