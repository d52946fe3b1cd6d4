//! Reads the content of an insta `.snap` file: everything after the YAML
//! header that sits between the first two `---` lines.

/// The snapshot content, normalised the way insta compares it.
pub fn content(file_text: &str) -> Option<String> {
    let mut lines = file_text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines.by_ref() {
        if line.trim_end() == "---" {
            let body: Vec<&str> = lines.collect();
            return Some(normalise(&body.join("\n")));
        }
    }
    None
}

/// insta ignores trailing whitespace and CRLF-vs-LF; so does our comparison.
pub fn normalise(text: &str) -> String {
    text.trim_end().replace("\r\n", "\n")
}
