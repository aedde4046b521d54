//! The command line: clap definitions only. Doc comments are the help users see.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Перечень точек взаимодействия с внутренним клиентом и анкеты удовлетворенности:
/// проверка, сравнение версий, публикация, итоги опросов.
#[derive(Debug, Parser)]
#[command(name = "tochki", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Проверить перечни (YAML) по правилам порядка перед публикацией
    Check(CheckArgs),
    /// Показать все правила проверки
    Rules,
    /// Объяснить правило: что проверяет, почему это важно, как исправить
    Explain(ExplainArgs),
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    /// Для человека: файл:строка:столбец, строка файла и подсказка
    Text,
    /// Для программ: объект с findings и итогами
    Json,
    /// Аннотации GitHub Actions (::error file=...)
    Github,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Только в терминале и если не задана NO_COLOR
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Файлы перечней или папки (берутся все *.yaml и *.yml внутри)
    #[arg(required = true, value_name = "ПУТЬ")]
    pub paths: Vec<PathBuf>,
    /// Формат вывода
    #[arg(long, value_enum, default_value = "text")]
    pub format: FindingsFormat,
    /// Считать предупреждения ошибками
    #[arg(long)]
    pub strict: bool,
    /// Не проверять правило (можно повторять: --ignore R003 --ignore R017)
    #[arg(long, value_name = "КОД")]
    pub ignore: Vec<String>,
    /// Цвет в выводе
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Код правила, например R008 или S002
    #[arg(value_name = "КОД")]
    pub code: String,
}
