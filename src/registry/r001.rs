//! R001, the loader's own code: what cannot be read as a registry of the right shape. The
//! loader (`load.rs`) reports parse errors with it; `rules/r001_invalid_yaml_shape.rs` checks
//! the values the model keeps as text.

use crate::diagnostic::{Rule, Scope, Severity};

pub static RULE: Rule = Rule {
    code: "R001",
    name: "invalid-yaml-shape",
    severity: Severity::Error,
    source: "—",
    summary: "файл — корректный YAML формы перечня: виды значений, известные ключи, настоящие даты",
    explanation: "\
Что проверяет: что файл читается как YAML в кодировке UTF-8 и имеет форму перечня: известные
ключи (неизвестный ключ называется вместе с ближайшим известным), значения нужного вида (список,
раздел, текст), настоящие даты (2024-09-24 или 24.09.2024), вид точки digital/offline (или
цифровая/онлайн/офлайн), области accounting/hr/it/admin, роли согласования и основание
document/directive.

Почему это важно: опечатка в ключе (pont вместо point) молча теряет поле, а несуществующая дата
(2024-02-30) делает невозможной проверку сроков размещения.

Пример:
    touchpoints:
      - pont: Телефонная связь      # неизвестный ключ «pont», возможно «point»
        channel: цифровой канал     # неизвестный вид точки

Как исправить: исправьте ключ или значение так, как подсказывает сообщение; файл сохраняйте в
UTF-8, отступы делайте пробелами.

Основание: формат перечня (спецификация registry.md, раздел «Shape»).",
    scope: Scope::Registry,
};
