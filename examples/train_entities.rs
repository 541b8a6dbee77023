//! Train the entity model shipped in `src/entities/data/model.bin` on CoNLL-2003.
//!
//! ```text
//! cargo run --release --example train_entities -- TRAIN.txt [VALID.txt] [--out PATH]
//!     [--dict /usr/share/dict/american-english]
//! ```
//!
//! The shipped model was made with `--dict` from Debian's `wamerican` word list: its
//! lowercase words (those it does not also list capitalised, as it does "Trump") are the
//! common words the model sees as a feature (`detect::Lexicons`).
//! Documents are rebuilt as the evaluation does (tokens joined by spaces, sentences by
//! newlines). Each candidate the rules find is labelled with the gold type of the entity
//! it matches exactly, or "not a name". With VALID.txt, it also prints the candidates'
//! recall and entity-level precision, recall and F1 on it (the benchmark script is the
//! reference; this is for quick iteration).

use newscorpus::entities::detect::{Lexicon, Lexicons};
use newscorpus::entities::extract::{case_stats, extract, prepare, ExtractOptions};
use newscorpus::entities::model::Model;
use newscorpus::entities::EntityType;
use rayon::prelude::*;
use std::collections::HashSet;

type Gold = Vec<(u32, u32, EntityType)>;

fn read_conll(path: &str) -> Vec<(String, Gold)> {
    let data = std::fs::read(path).expect("read the CoNLL file");
    let data = String::from_utf8_lossy(&data);
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut chars = 0u32;
    let mut gold: Gold = Vec::new();
    let mut open: Option<(u32, u32, EntityType)> = None;
    let mut sentence_open = false;
    let mut flush_doc = |text: &mut String, gold: &mut Gold, chars: &mut u32| {
        if !text.is_empty() {
            docs.push((std::mem::take(text), std::mem::take(gold)));
        }
        *chars = 0;
    };
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            if let Some(e) = open.take() {
                gold.push(e);
            }
            flush_doc(&mut text, &mut gold, &mut chars);
            sentence_open = false;
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if line.trim().is_empty() || cols.len() < 4 {
            if let Some(e) = open.take() {
                gold.push(e);
            }
            sentence_open = false;
            continue;
        }
        let (token, tag) = (cols[0], cols[3]);
        if !text.is_empty() {
            text.push(if sentence_open { ' ' } else { '\n' });
            chars += 1;
        }
        sentence_open = true;
        let start = chars;
        text.push_str(token);
        chars += token.chars().count() as u32;
        let kind = tag.get(2..).and_then(EntityType::from_code);
        match (tag.as_bytes().first(), kind, &mut open) {
            (Some(b'I'), Some(k), Some(o)) if o.2 == k => o.1 = chars,
            (Some(b'B' | b'I'), Some(k), _) => {
                if let Some(e) = open.take() {
                    gold.push(e);
                }
                open = Some((start, chars, k));
            }
            _ => {
                if let Some(e) = open.take() {
                    gold.push(e);
                }
            }
        }
    }
    if let Some(e) = open.take() {
        gold.push(e);
    }
    flush_doc(&mut text, &mut gold, &mut chars);
    docs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out_path = args
        .iter()
        .position(|a| a == "--out")
        .map_or("src/entities/data/model.bin".to_string(), |i| {
            args[i + 1].clone()
        });
    // Positional arguments: those that are not an option or an option's value.
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a)
        .collect();
    let train = read_conll(files[0]);
    let texts: Vec<Option<&str>> = train.iter().map(|d| Some(d.0.as_str())).collect();
    let stats = case_stats(&texts);
    // The lexicon: words the training corpus writes in lowercase at least twice and more
    // often than capitalised mid-sentence.
    let mut lexicon = Lexicon::default();
    let mut buf = String::new();
    for (text, _) in &train {
        for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-') {
            if w.chars().next().is_some_and(char::is_lowercase) {
                let lower = newscorpus::entities::detect::lower_into(w, &mut buf);
                let h = xxhash_rust::xxh3::xxh3_64(lower.as_bytes());
                let (l, c) = stats.get(h);
                if l >= 2 && l > c {
                    lexicon.insert(h);
                }
            }
        }
    }
    let mut common = Lexicon::default();
    if let Some(i) = args.iter().position(|a| a == "--dict") {
        let words = std::fs::read_to_string(&args[i + 1]).expect("read the word list");
        let capitalised: HashSet<String> = words
            .lines()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect();
        for w in words.lines() {
            if w.chars().all(char::is_lowercase) && !capitalised.contains(w) {
                common.insert(xxhash_rust::xxh3::xxh3_64(w.as_bytes()));
            }
        }
    }
    println!(
        "lexicons: {} lowercase words from the training corpus, {} common words",
        lexicon.len(),
        common.len()
    );
    let lexicons = Lexicons {
        lowercase: lexicon,
        common,
    };
    let examples: Vec<(Vec<u64>, usize, bool)> = train
        .par_iter()
        .flat_map_iter(|(text, gold)| {
            let p = prepare(text, &stats, &lexicons);
            let gold: std::collections::HashMap<(u32, u32), EntityType> =
                gold.iter().map(|&(s, e, t)| ((s, e), t)).collect();
            p.spans
                .into_iter()
                .map(move |s| {
                    let label = gold.get(&(s.start, s.end)).map_or(0, |t| t.class());
                    (s.features, label, label > 0)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let gold_total: usize = train.iter().map(|d| d.1.len()).sum();
    let covered = examples.iter().filter(|e| e.2).count();
    println!(
        "train: {} documents, {} gold entities, {} candidates, {} of them exact gold spans (candidate recall {:.3})",
        train.len(),
        gold_total,
        examples.len(),
        covered,
        covered as f64 / gold_total as f64
    );
    let examples: Vec<(Vec<u64>, usize)> = examples.into_iter().map(|e| (e.0, e.1)).collect();
    let mut model = Model::train(&examples, 18, 12, 1);
    model.lexicons = lexicons;
    let bytes = model.to_bytes();
    std::fs::write(&out_path, &bytes).expect("write the model");
    println!("model: {} bytes -> {out_path}", bytes.len());
    let model = Model::from_bytes(&bytes).expect("reload");
    if let Some(valid) = files.get(1) {
        let valid = read_conll(valid);
        let texts: Vec<Option<&str>> = valid.iter().map(|d| Some(d.0.as_str())).collect();
        let stats = case_stats(&texts);
        let found = extract(&texts, &stats, &model, None, ExtractOptions::default());
        let (mut tp_typed, mut tp_untyped, mut predicted, mut gold_n) = (0, 0, 0, 0);
        let mut per_type = [[0usize; 3]; 4];
        for ((_, gold), mentions) in valid.iter().zip(&found) {
            let g_typed: HashSet<(u32, u32, EntityType)> = gold.iter().copied().collect();
            let g_span: HashSet<(u32, u32)> = gold.iter().map(|g| (g.0, g.1)).collect();
            gold_n += gold.len();
            predicted += mentions.len();
            for g in gold {
                per_type[g.2 as usize][1] += 1;
            }
            for m in mentions {
                per_type[m.entity_type as usize][2] += 1;
                if g_typed.contains(&(m.start, m.end, m.entity_type)) {
                    tp_typed += 1;
                    per_type[m.entity_type as usize][0] += 1;
                }
                if g_span.contains(&(m.start, m.end)) {
                    tp_untyped += 1;
                }
            }
        }
        let f1 = |tp: usize| {
            let p = tp as f64 / predicted.max(1) as f64;
            let r = tp as f64 / gold_n.max(1) as f64;
            (p, r, 2.0 * p * r / (p + r).max(1e-12))
        };
        let (p, r, f) = f1(tp_untyped);
        println!("valid untyped: precision {p:.3} recall {r:.3} F1 {f:.3}");
        let (p, r, f) = f1(tp_typed);
        println!("valid typed:   precision {p:.3} recall {r:.3} F1 {f:.3}");
        for t in EntityType::ALL {
            let [tp, g, pr] = per_type[t as usize];
            let p = tp as f64 / pr.max(1) as f64;
            let r = tp as f64 / g.max(1) as f64;
            println!(
                "  {:>4}: precision {p:.3} recall {r:.3} F1 {:.3} (gold {g})",
                t.as_str(),
                2.0 * p * r / (p + r).max(1e-12)
            );
        }
    }
}
