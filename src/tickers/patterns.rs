//! Explicit ticker codes: cashtags (`$AAPL`, `$aapl`, `$BRK.B`), exchange-qualified codes
//! as newswires write them (`(NASDAQ: NVDA)`, `(TSE: 7203)`, `TSE:6758`, `(HKEX: 0700)`),
//! Yahoo-style suffixes (`9984.T`, `VOD.L`), Reuters codes in angle brackets (`<AAPL.O>`,
//! `<IBM.N>`, `<MRS>`) or in brackets with their market (`(F.N)`, `(DAIGn.DE)`) and
//! Bloomberg-style codes (`7203 JP`).

use std::sync::LazyLock;

use regex::Regex;

/// How a code was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeForm {
    Cashtag,
    Exchange,
    Suffix,
    /// A Reuters code: `<AAPL.O>`, `<7203.T>`, `<MRS>`, `(F.N)`.
    Ric,
    Bloomberg,
}

/// A code found in text, normalised: `exchange` is finsent's exchange name (None for a
/// cashtag), `code` the local code on that exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplicitCode {
    pub form: CodeForm,
    pub exchange: Option<&'static str>,
    pub code: String,
    pub start: usize,
    pub end: usize,
    /// Written in lower case (`$aapl`): counts only when the gazetteer knows the code.
    pub lowercase: bool,
}

/// Exchanges as news writes them -> finsent's exchange name.
const EXCHANGE_NAMES: &[(&str, &str)] = &[
    ("NASDAQ", "NASDAQ"),
    ("Nasdaq", "NASDAQ"),
    ("NasdaqGS", "NASDAQ"),
    ("NasdaqGM", "NASDAQ"),
    ("NasdaqCM", "NASDAQ"),
    ("NYSE American", "NYSEAMERICAN"),
    ("NYSE MKT", "NYSEAMERICAN"),
    ("NYSE Arca", "NYSEARCA"),
    ("NYSE", "NYSE"),
    ("AMEX", "NYSEAMERICAN"),
    ("Cboe", "CBOE"),
    ("CBOE", "CBOE"),
    ("OTCQX", "OTC"),
    ("OTC", "OTC"),
    ("TSE", "TSE"),
    ("TYO", "TSE"),
    ("LSE", "LSE"),
    ("LON", "LSE"),
    ("HKEX", "HKEX"),
    ("HKG", "HKEX"),
    ("SEHK", "HKEX"),
    ("ETR", "XETRA"),
    ("XETRA", "XETRA"),
    ("Xetra", "XETRA"),
    ("FRA", "XETRA"),
    ("EPA", "EPA"),
    ("Euronext Paris", "EPA"),
    ("AMS", "AMS"),
    ("Euronext Amsterdam", "AMS"),
    ("EBR", "EBR"),
    ("Euronext Brussels", "EBR"),
    ("BIT", "BIT"),
    ("BME", "BME"),
    ("SIX", "SIX"),
    ("SWX", "SIX"),
    ("KRX", "KRX"),
    ("KOSPI", "KRX"),
    ("KOSDAQ", "KRX"),
    ("TWSE", "TWSE"),
    ("TPE", "TWSE"),
    ("SSE", "SSE"),
    ("SHA", "SSE"),
    ("SZSE", "SZSE"),
    ("SHE", "SZSE"),
    ("NSE", "NSE"),
    ("BSE", "BSE"),
    ("SGX", "SGX"),
    ("ASX", "ASX"),
    ("TSX", "TSX"),
    ("CPH", "CPH"),
    ("STO", "STO"),
    ("HEL", "HEL"),
    ("OSL", "OSL"),
];

/// finsent's exchange name -> the Yahoo-style suffix of its symbols (None: US, plain symbols).
const SUFFIXES: &[(&str, Option<&str>)] = &[
    ("NASDAQ", None),
    ("NYSE", None),
    ("NYSEAMERICAN", None),
    ("NYSEARCA", None),
    ("CBOE", None),
    ("OTC", None),
    ("TSE", Some("T")),
    ("LSE", Some("L")),
    ("XETRA", Some("DE")),
    ("EPA", Some("PA")),
    ("AMS", Some("AS")),
    ("EBR", Some("BR")),
    ("BIT", Some("MI")),
    ("BME", Some("MC")),
    ("SIX", Some("SW")),
    ("CPH", Some("CO")),
    ("STO", Some("ST")),
    ("HEL", Some("HE")),
    ("OSL", Some("OL")),
    ("KRX", Some("KS")),
    ("TWSE", Some("TW")),
    ("HKEX", Some("HK")),
    ("SSE", Some("SS")),
    ("SZSE", Some("SZ")),
    ("NSE", Some("NS")),
    ("BSE", Some("BO")),
    ("SGX", Some("SI")),
    ("ASX", Some("AX")),
    ("TSX", Some("TO")),
    // Markets the gazetteer does not cover yet, read from Reuters codes (`<PETR4.SA>`) so
    // that the listing is still reported, under Yahoo's suffix.
    ("TSXV", Some("V")),
    ("B3", Some("SA")),
    ("BMV", Some("MX")),
    ("JSE", Some("JO")),
    ("ISE", Some("IR")),
    ("WBAG", Some("VI")),
    ("GPW", Some("WA")),
    ("BIST", Some("IS")),
    ("ATHEX", Some("AT")),
    ("ELI", Some("LS")),
    ("IDX", Some("JK")),
    ("BURSA", Some("KL")),
    ("SET", Some("BK")),
    ("NZX", Some("NZ")),
    ("TASE", Some("TA")),
    ("MOEX", Some("ME")),
    ("PSE", Some("PR")),
    ("BET", Some("BD")),
    ("EGX", Some("CA")),
    ("BK", Some("KW")),
    ("QSE", Some("QA")),
    ("ADX", Some("AD")),
    ("DFM", Some("DU")),
    ("TADAWUL", Some("SR")),
    ("BCBA", Some("BA")),
    ("BCS", Some("SN")),
    ("BVL", Some("LM")),
    ("TPEX", Some("TWO")),
    ("CSE", Some("CN")),
];

/// The canonical symbol of `code` on `exchange`: `7203.T`, `0700.HK`, `NVDA`.
pub fn symbol_for(exchange: &str, code: &str) -> String {
    match SUFFIXES
        .iter()
        .find(|(e, _)| *e == exchange)
        .and_then(|(_, s)| *s)
    {
        Some(suffix) => format!("{code}.{suffix}"),
        None => code.to_string(),
    }
}

/// The exchange of a Yahoo-style suffix, or of a Reuters one (`O`, `OQ`: Nasdaq; `N`:
/// NYSE; `A`: NYSE American; `P`: NYSE Arca; `S`, `VX`: Swiss; `F`: Frankfurt; `OS`:
/// Osaka, now Tokyo; `PK`, `OB`: US over the counter; `J`: Johannesburg; `I`: Dublin;
/// `MM`, `RTS`: Moscow; `BU`: Budapest; `SE`: Saudi Arabia; `K`: NYSE consolidated).
fn exchange_for_suffix(suffix: &str) -> Option<&'static str> {
    match suffix {
        "KQ" => Some("KRX"),
        "O" | "OQ" => Some("NASDAQ"),
        "N" | "K" => Some("NYSE"),
        "MM" | "RTS" => Some("MOEX"),
        "BU" => Some("BET"),
        "SE" => Some("TADAWUL"),
        "A" => Some("NYSEAMERICAN"),
        "P" => Some("NYSEARCA"),
        "S" | "VX" => Some("SIX"),
        "F" => Some("XETRA"),
        "OS" => Some("TSE"),
        "PK" | "OB" => Some("OTC"),
        "J" => Some("JSE"),
        "I" => Some("ISE"),
        _ => SUFFIXES
            .iter()
            .find(|(_, s)| *s == Some(suffix))
            .map(|(e, _)| *e),
    }
}

/// Whether `exchange` lists plain (US-style) symbols.
pub fn is_us(exchange: &str) -> bool {
    SUFFIXES.iter().any(|(e, s)| *e == exchange && s.is_none())
}

static CASHTAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\$([A-Z]{1,6}(?:\.[A-Z]{1,2})?|[a-z]{1,6}(?:\.[a-z]{1,2})?)\b")
        .expect("valid regex")
});

/// Currencies written like cashtags before an amount: `$US 5bn`, `$HK 10`, `$C 2`.
#[rustfmt::skip]
const CURRENCIES: &[&str] = &[
    "US", "USD", "HK", "HKD", "NZ", "NZD", "AU", "AUD", "A", "C", "CA", "CAD", "S", "SG", "SGD",
    "NT", "MX", "R", "Z", "ZAR",
];

/// `<AAPL.O>`, `<MSFT.OQ>`, `<7203.T>`, `<BRKa.N>`, `<VOWG_p.DE>`, `<CEMEXCPO.MX>`, `<MRS>`: Reuters
/// instrument codes, in angle brackets as the wire prints them (also left escaped, `&lt;AAPL.O&gt;`,
/// as text copied out of HTML or SGML carries them), or in parentheses as its web pages do
/// (`Ford Motor Co (F.N)`), where a market suffix must follow the root.
static RIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:<|&lt;)([A-Z0-9]{1,12})(_?[a-z]{1,2})?(?:\.([A-Z]{1,3}))?(?:>|&gt;)|\(([A-Z0-9]{1,7})(_?[a-z]{1,2})?\.([A-Z]{1,3})\)")
        .expect("valid regex")
});

/// Abbreviations in brackets shaped like a code with a suffix: `(U.S)` is no listing.
const NOT_CODES: &[&str] = &[
    "U.S", "U.K", "U.N", "E.U", "S.A", "N.V", "A.G", "P.M", "A.M",
];

static EXCHANGE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = EXCHANGE_NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternatives = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(\(\s*)?\b({alternatives})(\s?:\s?)([A-Z0-9]{{1,6}}\b(?:[.\- ][A-Z]\b)?)"
    ))
    .expect("valid regex")
});

static SUFFIX_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:([0-9]{4}|[0-9]{3}[A-Z])\.(T)|([0-9]{4,5})\.(HK)|([0-9]{6})\.(KS|KQ|SS|SZ)|([0-9]{4})\.(TW)",
        r"|([A-Z][A-Z0-9]{0,5}(?:-[A-Z])?)\.(L|DE|PA|AS|BR|MI|MC|SW|CO|ST|HE|OL|NS|AX|TO))\b"
    ))
    .expect("valid regex")
});

static BLOOMBERG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{4}) (JP|JT)\b|\b([0-9]{4}) (HK)\b|\b([0-9]{6}) (KS)\b")
        .expect("valid regex")
});

/// Every explicit code in `text`, in order of position.
pub fn find_codes(text: &str) -> Vec<ExplicitCode> {
    let mut out = cashtags(text);
    out.extend(reuters_codes(text));
    out.extend(exchange_codes(text));
    out.extend(suffix_codes(text));
    out.extend(bloomberg_codes(text));
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // A code inside another (a suffix code inside an exchange-qualified one) counts once.
    let mut kept: Vec<ExplicitCode> = Vec::with_capacity(out.len());
    for code in out {
        if kept.last().is_none_or(|k| code.start >= k.end) {
            kept.push(code);
        }
    }
    kept
}

/// Cashtags: `$AAPL`, `$aapl`, `$BRK.B`; not `$US 5bn`.
fn cashtags(text: &str) -> Vec<ExplicitCode> {
    let mut out = Vec::new();
    for c in CASHTAG.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let code = c[1].to_ascii_uppercase();
        // `$US 5bn`: a currency, not a cashtag (`$BA 737 MAX` is Boeing).
        let amount_follows = text[whole.end()..]
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit());
        if prev_char(text, whole.start()).is_some_and(|p| p.is_alphanumeric())
            || (amount_follows && CURRENCIES.contains(&code.as_str()))
        {
            continue;
        }
        out.push(ExplicitCode {
            form: CodeForm::Cashtag,
            exchange: None,
            lowercase: c[1] != code,
            code,
            start: whole.start(),
            end: whole.end(),
        });
    }
    out
}

/// Reuters codes: `<AAPL.O>`, `(F.N)`, `<MRS>`.
fn reuters_codes(text: &str) -> Vec<ExplicitCode> {
    let mut out = Vec::new();
    for c in RIC.captures_iter(text) {
        let whole = c.get(0).expect("match");
        // The angle form's groups are 1-3, the bracketed form's 4-6.
        let group = |i: usize| c.get(i).or_else(|| c.get(i + 3));
        let root = group(1).expect("a root").as_str();
        let (kind, suffix) = (group(2).map(|k| k.as_str()), group(3));
        if whole.as_str().starts_with('(')
            && NOT_CODES.contains(&&whole.as_str()[1..whole.len() - 1])
        {
            continue;
        }
        let angle = whole.as_str().starts_with(['<', '&']);
        // Long roots are Latin American share lines (`CEMEXCPO.MX`), always with a market.
        if suffix.is_none() && root.len() > 7 {
            continue;
        }
        let exchange = match suffix {
            None => None,
            Some(suffix) => match exchange_for_suffix(suffix.as_str()) {
                Some(e) => Some(e),
                // `<BTAS.KZ>`: a market finsent does not know is still a listing, reported
                // as written; in parentheses such a shape is as often an abbreviation.
                None if angle => {
                    out.push(ExplicitCode {
                        form: CodeForm::Ric,
                        exchange: None,
                        code: format!("{root}.{}", suffix.as_str()),
                        start: whole.start(),
                        end: whole.end(),
                        lowercase: false,
                    });
                    continue;
                }
                None => continue,
            },
        };
        // Tokyo codes are numbers, and a bare code in brackets is a US one.
        if exchange.is_none() && root.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let code = share_kind(root, kind, exchange);
        let code = exchange.map_or(code.as_str(), |e| local_root(e, &code));
        out.push(ExplicitCode {
            form: CodeForm::Ric,
            exchange,
            code: exchange.map_or_else(|| code.to_string(), |e| normalize_code(e, code)),
            start: whole.start(),
            end: whole.end(),
            lowercase: false,
        });
    }
    out
}

/// Exchange-qualified codes: `(NASDAQ: NVDA)`, `TSE:6758`.
fn exchange_codes(text: &str) -> Vec<ExplicitCode> {
    let mut out = Vec::new();
    for c in EXCHANGE_CODE.captures_iter(text) {
        // `(Nasdaq: ATXI)` or `TSE:6758`; not prose such as "Nasdaq: AI stocks rallied".
        if c.get(1).is_none() && c[3].contains(char::is_whitespace) {
            continue;
        }
        let whole = c.get(2).expect("exchange").start()..c.get(4).expect("code").end();
        let code = &c[4];
        let exchange = match EXCHANGE_NAMES
            .iter()
            .find(|(n, _)| *n == &c[2])
            .map(|(_, e)| *e)
            .expect("the regex only matches known names")
        {
            // Tokyo codes are numbers; `TSE:K` (Kinross) is Toronto, as many sites write it.
            "TSE" if code.starts_with(|c: char| c.is_ascii_alphabetic()) => "TSX",
            e => e,
        };
        out.push(ExplicitCode {
            form: CodeForm::Exchange,
            exchange: Some(exchange),
            code: normalize_code(exchange, code),
            start: whole.start,
            end: whole.end,
            lowercase: false,
        });
    }
    out
}

/// Yahoo-style codes: `9984.T`, `VOD.L`.
fn suffix_codes(text: &str) -> Vec<ExplicitCode> {
    let mut out = Vec::new();
    for c in SUFFIX_CODE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if continues_as_word(text, whole.end())
            || prev_char(text, whole.start()).is_some_and(|p| p == '.' || p == '/')
        {
            continue;
        }
        let groups: Vec<&str> = c.iter().skip(1).flatten().map(|m| m.as_str()).collect();
        let (code, suffix) = (groups[0], groups[1]);
        let Some(exchange) = exchange_for_suffix(suffix) else {
            continue;
        };
        out.push(ExplicitCode {
            form: CodeForm::Suffix,
            exchange: Some(exchange),
            code: normalize_code(exchange, code),
            start: whole.start(),
            end: whole.end(),
            lowercase: false,
        });
    }
    out
}

/// Bloomberg codes: `7203 JP`.
fn bloomberg_codes(text: &str) -> Vec<ExplicitCode> {
    let mut out = Vec::new();
    for c in BLOOMBERG.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if text[whole.end()..].trim_start().starts_with("Morgan") {
            continue;
        }
        let groups: Vec<&str> = c.iter().skip(1).flatten().map(|m| m.as_str()).collect();
        let exchange = match groups[1] {
            "HK" => "HKEX",
            "KS" => "KRX",
            _ => "TSE",
        };
        out.push(ExplicitCode {
            form: CodeForm::Bloomberg,
            exchange: Some(exchange),
            code: normalize_code(exchange, groups[0]),
            start: whole.start(),
            end: whole.end(),
            lowercase: false,
        });
    }
    out
}

/// A Reuters root with the share's kind Reuters writes in lower case after it: a US share
/// class (`BRKa.N`: BRK.A), a London or Nordic one (`RDSa.L`: RDS.A, `ERICb.ST`: ERIC-B);
/// German registered shares (`SIEGn.DE`) and Dutch certificates (`UNc.AS`) are the root's own
/// listing, German preference shares (`VOWG_p.DE`) too, under the `3` their codes end in
/// (`VOW3`).
fn share_kind(root: &str, kind: Option<&str>, exchange: Option<&str>) -> String {
    // Markets whose codes carry a share class: the US, London (`RDSa.L`: RDS.A) and the
    // Nordic exchanges; elsewhere the letter is no class (`UNc.AS`, Dutch certificates).
    let classes =
        exchange.is_none_or(|e| is_us(e) || matches!(e, "LSE" | "STO" | "CPH" | "HEL" | "OSL"));
    match (kind, exchange) {
        (Some("_p"), Some("XETRA")) => format!("{}3", local_root("XETRA", root)),
        (Some(kind), _) if classes && kind.len() == 1 => {
            format!("{root}.{}", kind.to_ascii_uppercase())
        }
        _ => root.to_string(),
    }
}

/// Codes as exchanges list them: Hong Kong with 4 digits, Nordic share classes with `-`.
fn normalize_code(exchange: &str, code: &str) -> String {
    match exchange {
        "HKEX" => format!("{:0>4}", code.trim_start_matches('0')),
        "CPH" | "STO" | "HEL" | "OSL" => code.replace([' ', '.'], "-"),
        _ => code.replace([' ', '-'], "."),
    }
}

/// The exchange's own code in a Reuters root, where Reuters adds a market letter: `G` in
/// Frankfurt (`SIEG`, `DBKG`, `DAIG`: SIE, DBK, DAI), `J` in Johannesburg (`NPNJ`: NPN),
/// `1V` in Helsinki (`UPM1V`: UPM).
fn local_root<'a>(exchange: &str, root: &'a str) -> &'a str {
    let mark = match exchange {
        "XETRA" => "G",
        "JSE" => "J",
        "HEL" => "1V",
        _ => return root,
    };
    match root.strip_suffix(mark) {
        Some(code) if code.len() >= 2 => code,
        _ => root,
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// True when the text goes on as part of the same token (`BBC.CO.UK`, `VOD.Lx`).
fn continues_as_word(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    match rest.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('.') => rest.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(Option<&'static str>, String)> {
        find_codes(text)
            .into_iter()
            .map(|c| (c.exchange, c.code))
            .collect()
    }

    #[test]
    fn finds_the_newswire_forms() {
        let text = "Nvidia (NASDAQ: NVDA) and AT&T (NYSE:T) rose; Toyota (TSE: 7203), SoftBank (TYO: 9984), \
                    Sony TSE:6758, Vodafone (LSE: VOD), Tencent (HKEX: 700), SAP (ETR: SAP), $AAPL, $BRK.B, \
                    9984.T, VOD.L, 7203 JP, Novo (CPH: NOVO B).";
        assert_eq!(
            codes(text),
            [
                (Some("NASDAQ"), "NVDA".to_string()),
                (Some("NYSE"), "T".into()),
                (Some("TSE"), "7203".into()),
                (Some("TSE"), "9984".into()),
                (Some("TSE"), "6758".into()),
                (Some("LSE"), "VOD".into()),
                (Some("HKEX"), "0700".into()),
                (Some("XETRA"), "SAP".into()),
                (None, "AAPL".into()),
                (None, "BRK.B".into()),
                (Some("TSE"), "9984".into()),
                (Some("LSE"), "VOD".into()),
                (Some("TSE"), "7203".into()),
                (Some("CPH"), "NOVO-B".into()),
            ]
        );
    }

    #[test]
    fn ignores_amounts_domains_and_bank_names() {
        let text = "Revenue was $6.77 billion, up 3.5%; see bbc.co.uk or www.example.com/VOD.L; \
                    in 2025 JP Morgan said. Nasdaq: AI stocks rallied. TSE: Shares fell.";
        assert!(codes(text).is_empty(), "{:?}", codes(text));
    }

    #[test]
    fn reads_lower_case_cashtags_cashtags_before_numbers_and_reuters_codes() {
        let text = "$aapl and $BA 737 MAX, $AAPL 107 calls; MORSE SHOE INC <MRS> 4TH QTR NET; \
                    Apple <AAPL.O>, Microsoft <MSFT.OQ>, IBM <IBM.N>, Toyota <7203.T>, <VOD.L>.";
        assert_eq!(
            codes(text),
            [
                (None, "AAPL".to_string()),
                (None, "BA".into()),
                (None, "AAPL".into()),
                (None, "MRS".into()),
                (Some("NASDAQ"), "AAPL".into()),
                (Some("NASDAQ"), "MSFT".into()),
                (Some("NYSE"), "IBM".into()),
                (Some("TSE"), "7203".into()),
                (Some("LSE"), "VOD".into()),
            ]
        );
        assert!(find_codes("$aapl").iter().all(|c| c.lowercase));
        assert!(codes("$Hello and $US 5bn").is_empty());
    }

    #[test]
    fn reuters_share_kinds_and_markets() {
        let text = "<BRKa.N> <ERICb.ST> <SIEGn.DE> <NESN.VX> <PETR4.SA> <8001.OS> <NPSNY.PK> \
                    <NPNJn.J> <XYZ.QQ> <UPM1V.HE> <SAPG.DE> <UNc.AS> <RDSa.L>";
        assert_eq!(
            codes(text),
            [
                (Some("NYSE"), "BRK.A".to_string()),
                (Some("STO"), "ERIC-B".into()),
                (Some("XETRA"), "SIE".into()),
                (Some("SIX"), "NESN".into()),
                (Some("B3"), "PETR4".into()),
                (Some("TSE"), "8001".into()),
                (Some("OTC"), "NPSNY".into()),
                (Some("JSE"), "NPN".into()),
                // A market finsent does not know: the code as written, no exchange.
                (None, "XYZ.QQ".into()),
                (Some("HEL"), "UPM".into()),
                (Some("XETRA"), "SAP".into()),
                (Some("AMS"), "UN".into()),
                (Some("LSE"), "RDS.A".into()),
            ]
        );
        assert_eq!(symbol_for("B3", "PETR4"), "PETR4.SA");
    }

    #[test]
    fn reuters_codes_in_brackets_as_its_web_pages_write_them() {
        let text = "Ford Motor Co (F.N), Apple (AAPL.O), Daimler (DAIGn.DE), Nestle (NESN.VX), \
                    RIM (RIM.TO)(RIMM.O), Volkswagen (VOWG_p.DE), Infosys (INFY.BO), \
                    Petrobras (PETR4.SA), HSBC (0005.HK) and Sony (6758.T) rose.";
        assert_eq!(
            codes(text),
            [
                (Some("NYSE"), "F".to_string()),
                (Some("NASDAQ"), "AAPL".into()),
                (Some("XETRA"), "DAI".into()),
                (Some("SIX"), "NESN".into()),
                (Some("TSX"), "RIM".into()),
                (Some("NASDAQ"), "RIMM".into()),
                (Some("XETRA"), "VOW3".into()),
                (Some("BSE"), "INFY".into()),
                (Some("B3"), "PETR4".into()),
                (Some("HKEX"), "0005".into()),
                (Some("TSE"), "6758".into()),
            ]
        );
    }

    #[test]
    fn brackets_without_a_market_or_with_an_abbreviation_are_no_reuters_code() {
        let text = "artificial intelligence (AI), sales in the (U.S) and (S.A) rose (A.B.C)";
        assert!(codes(text).is_empty(), "{:?}", codes(text));
    }

    #[test]
    fn tse_with_letters_is_toronto_with_digits_tokyo() {
        assert_eq!(
            codes("Kinross (TSE:K) and Sony (TSE:6758)"),
            [(Some("TSX"), "K".to_string()), (Some("TSE"), "6758".into())]
        );
    }

    #[test]
    fn symbols_take_the_exchange_suffix() {
        assert_eq!(symbol_for("TSE", "7203"), "7203.T");
        assert_eq!(symbol_for("NASDAQ", "ATXI"), "ATXI");
        assert_eq!(symbol_for("HKEX", "0700"), "0700.HK");
    }
}
