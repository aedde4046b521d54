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
    /// Сравнить две версии перечня: что изменилось в терминах порядка (Липецк 3.1, 3.3)
    Diff(DiffArgs),
    /// Показать перечень официальной таблицей: в терминале и для публикации на сайте
    Show(ShowArgs),
    /// Перечень в цифрах: точки по процессам, потребности × вид точки, доля цифровых
    Stats(StatsArgs),
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

/// How a diff is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Сводка по направлениям и процессам
    Text,
    /// Таблица для листа согласования с основанием каждого изменения
    Markdown,
    /// Для программ: объект с changes
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Прежняя версия перечня
    #[arg(value_name = "СТАРЫЙ")]
    pub old: PathBuf,
    /// Новая версия перечня
    #[arg(value_name = "НОВЫЙ")]
    pub new: PathBuf,
    /// Формат вывода
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Цвет в выводе (по умолчанию — только в терминале и без NO_COLOR)
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,
}

/// Formats of the official table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Таблица в терминале
    Table,
    Markdown,
    /// CSV для русского Excel (UTF-8 с BOM, разделитель «;»)
    Csv,
    /// Одна самодостаточная страница для раздела «Клиентоцентричность» сайта
    Html,
    Json,
    /// Книга Excel (нужен -o)
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Файл перечня
    #[arg(value_name = "ФАЙЛ")]
    pub file: PathBuf,
    /// Формат
    #[arg(long, value_enum, default_value = "table")]
    pub format: ShowFormat,
    /// Записать в файл (атомарно; входной файл никогда не перезаписывается)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
}

/// Formats of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Файл перечня
    #[arg(value_name = "ФАЙЛ")]
    pub file: PathBuf,
    /// Формат
    #[arg(long, value_enum, default_value = "text")]
    pub format: StatsFormat,
}
