//! R021: a profile names a process the registry does not have.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::link::{Link, Linker};

pub static RULE: Rule = Rule {
    code: "R021",
    name: "profile-process-not-in-registry",
    severity: Severity::Error,
    source: "Северная Осетия 4.1",
    summary: "профиль называет процесс, которого нет в перечне",
    explanation: "\
Что проверяет: что каждый процесс профиля (processes:) есть в перечне — по тому же правилу, по
которому с перечнем связываются вопросы анкеты: то же название или те же значимые слова в другой
форме, но не название с добавленными или выброшенными словами.

Почему это важно: профиль показывает точки взаимодействия своих процессов и итоги анкеты по ним;
процесс, которого нет в перечне, — это процесс, исключённый из реестра или переименованный без
актуализации профиля (Северная Осетия, п. 4.1).

Пример:
    processes: [Выдача справок о стаже]     # в перечне только «Выдача справок о доходах»

Как исправить: назовите процесс, как перечень, или уберите его из профиля.

Основание: Северная Осетия, п. 4.1.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let Some(profiles) = &context.registry.profiles else {
        return;
    };
    let linker = Linker::of(context.registry);
    for (i, profile) in profiles.iter().enumerate() {
        for (j, process) in profile.processes.iter().flatten().enumerate() {
            let name = process.0.trim();
            if name.is_empty() {
                continue;
            }
            if let Link::Unlinked { candidates } = linker.link(name) {
                let hint = if candidates.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> = candidates
                        .iter()
                        .map(|c| {
                            // A name in two directions is told apart by its direction.
                            if candidates.iter().filter(|o| o.process == c.process).count() > 1 {
                                format!("«{} / {}»", c.direction, c.process)
                            } else {
                                format!("«{}»", c.process)
                            }
                        })
                        .collect();
                    format!(" (похожие: {})", names.join(", "))
                };
                out.report(
                    YamlPath::root()
                        .key("profiles")
                        .index(i)
                        .key("processes")
                        .index(j),
                    format!(
                        "Профиль «{}» называет процесс «{name}», которого нет в перечне{hint}",
                        profile.title()
                    ),
                    "Назовите процесс, как перечень, или уберите его из профиля",
                );
            }
        }
    }
}
