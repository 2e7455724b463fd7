//! The evaluation prompts, from `assets/evaluation.toml`.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Prompt {
    /// Which evaluation field holds the answer.
    pub key: String,
    pub prompt: String,
}

#[derive(Deserialize)]
struct Prompts {
    prompt: Vec<Prompt>,
}

#[expect(
    clippy::expect_used,
    reason = "the file is compiled in, and a test reads it"
)]
pub fn evaluation_prompts() -> Vec<Prompt> {
    toml::from_str::<Prompts>(include_str!("../../assets/evaluation.toml"))
        .expect("assets/evaluation.toml is valid (checked by tests)")
        .prompt
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_prompt_names_an_evaluation_field() {
        let keys: Vec<String> = super::evaluation_prompts()
            .into_iter()
            .map(|p| p.key)
            .collect();
        assert_eq!(
            keys,
            [
                "skills",
                "qualify",
                "enjoy",
                "pay",
                "organization",
                "field_needs",
                "new_ideas"
            ]
        );
    }
}
