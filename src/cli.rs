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
    /// Проверить перечни (YAML или таблицы Word, Excel, LibreOffice) по правилам порядка перед публикацией
    Check(CheckArgs),
    /// Сравнить две версии перечня: что изменилось в терминах порядка (Липецк 3.1, 3.3)
    Diff(DiffArgs),
    /// Показать перечень официальной таблицей: в терминале и для публикации на сайте
    Show(ShowArgs),
    /// Перевести перечень из таблицы Word, Excel или LibreOffice (приложение к приказу) в YAML
    Import(ImportArgs),
    /// Журнал обращений: сроки ответа, просроченные и подходящие к сроку (Омск 8–9)
    Requests(RequestsArgs),
    /// Перечень в цифрах: точки по процессам, потребности × вид точки, доля цифровых
    Stats(StatsArgs),
    /// Свод по региону для координатора: перечни, опрос и журнал каждого органа рядом
    Region(RegionArgs),
    /// Анкеты удовлетворенности: проверка выгрузок, итоги и динамика, карта болей
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// JSON Schema формата перечня — для проверки и подсказок в редакторе
    Schema,
    /// Создать заготовки: перечень, схему, описание анкеты и пример выгрузки
    Init(InitArgs),
    /// Скрипт автодополнения для оболочки (bash, zsh, fish, powershell)
    Completions(CompletionsArgs),
    /// Справочная страница man (roff)
    Man,
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
    /// Производственный календарь для R015 в формате xmlcalendar (calendar.json или calendar.xml): годы из файла заменяют встроенные
    #[arg(long, value_name = "ФАЙЛ")]
    pub calendar: Option<PathBuf>,
    /// Цвет в выводе
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    #[command(flatten)]
    pub table: TableArgs,
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
    /// Документ Word: приложение к приказу (нужен -o)
    Docx,
}

/// Formats of `requests`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RequestsFormat {
    /// Таблица в терминале
    Table,
    Json,
    /// CSV для русского Excel (UTF-8 с BOM, разделитель «;»)
    Csv,
    Markdown,
    /// Книга Excel (нужен -o)
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct RequestsArgs {
    /// Журналы обращений: CSV (UTF-8 или cp1251, «,» или «;»), XLSX, ODS, DOCX или ODT
    #[arg(value_name = "ЖУРНАЛ", required = true)]
    pub journals: Vec<PathBuf>,
    /// На какую дату проверять сроки: 2025-05-13 или 13.05.2025 (по умолчанию сегодня)
    #[arg(long, value_name = "ДАТА")]
    pub as_of: Option<String>,
    /// Сколько рабочих дней до срока считать «срок подходит» (0–60)
    #[arg(long, value_name = "ДНЕЙ", default_value_t = 3, value_parser = due_soon_days)]
    pub due_soon: u32,
    /// Перечень (YAML, DOCX, ODT, XLSX или ODS): процессы журнала связываются с его процессами
    #[arg(long, value_name = "ПЕРЕЧЕНЬ")]
    pub registry: Option<PathBuf>,
    /// Куда переносить срок письменного обращения, если 30-й день выходной: preceding — на предшествующий рабочий день (срок не позже 30 дней), following — на следующий (ст. 193 ГК РФ)
    #[arg(long, value_enum, value_name = "КУДА", default_value = "preceding")]
    pub day_off: DayOffArg,
    /// Субъект РФ, чьи собственные нерабочие дни учитывать (например, «Северная Осетия»: понедельник Джеоргуыба); по умолчанию — region из перечня --registry
    #[arg(long, value_name = "РЕГИОН")]
    pub region: Option<String>,
    /// Часовой пояс для отметок времени со смещением (2025-03-02T21:00:00Z): local — пояс компьютера (по умолчанию), +03:00, UTC+7, MSK+4 или Europe/Moscow, Asia/Omsk, Asia/Novosibirsk…
    #[arg(long, value_name = "ПОЯС", default_value = "local", value_parser = timezone)]
    pub timezone: crate::requests::deadline::Zone,
    /// Конец рабочего дня: устное обращение, поступившее позже, отвечается на следующий рабочий день (по умолчанию 18:00)
    #[arg(long, value_name = "ЧЧ:ММ", default_value = "18:00", value_parser = day_end)]
    pub day_end: chrono::NaiveTime,
    /// Производственный календарь в формате xmlcalendar (calendar.json или calendar.xml): годы из файла заменяют встроенные
    #[arg(long, value_name = "ФАЙЛ")]
    pub calendar: Option<PathBuf>,
    /// Не выводить исполнителей, подразделения и содержание обращений
    #[arg(long)]
    pub anonymous: bool,
    /// Формат (по умолчанию table; с -o — по расширению файла: .json, .csv, .md, .xlsx, .txt)
    #[arg(long, value_enum)]
    pub format: Option<RequestsFormat>,
    /// Записать в файл (атомарно; входной файл никогда не перезаписывается)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    /// Перезаписать существующий файл -o (входные файлы не перезаписываются никогда)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Таблица перечня: .docx, .odt, .xlsx, .ods или .csv
    #[arg(value_name = "ФАЙЛ")]
    pub file: PathBuf,
    /// Записать YAML в файл (без -o — на экран)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub table: TableArgs,
    /// Перезаписать существующий файл -o (входной файл не перезаписывается никогда)
    #[arg(long)]
    pub force: bool,
}

/// `--timezone`: a zone by offset or by the name of a Russian zone.
fn timezone(text: &str) -> Result<crate::requests::deadline::Zone, Allowed> {
    crate::requests::deadline::Zone::parse(text).ok_or(Allowed(
        "это не часовой пояс; укажите local, +03:00, UTC+7, MSK+4 или Europe/Moscow, Asia/Omsk, Asia/Novosibirsk",
    ))
}

/// `--day-end`: the end of the working day, `18:00`.
fn day_end(text: &str) -> Result<chrono::NaiveTime, Allowed> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| Allowed("это не время; укажите, например, 18:00 или 17:45"))
}

/// `--day-off`: where a written request's deadline goes from a day off (the journal's own
/// [`crate::requests::deadline::DayOff`], which knows nothing of the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DayOffArg {
    /// на предшествующий рабочий день (можно писать и «предшествующий»)
    #[value(alias = "предшествующий", alias = "предыдущий")]
    Preceding,
    /// на следующий рабочий день (можно писать и «следующий»)
    #[value(alias = "следующий")]
    Following,
}

impl From<DayOffArg> for crate::requests::deadline::DayOff {
    fn from(arg: DayOffArg) -> Self {
        match arg {
            DayOffArg::Preceding => Self::Preceding,
            DayOffArg::Following => Self::Following,
        }
    }
}

/// How a registry kept as a Word/Excel table is read (`import`, and `check` on a table).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TableArgs {
    /// Какую таблицу документа Word читать (1, 2, …); по умолчанию первую с графой точки
    #[arg(long, value_name = "ЧИСЛО")]
    pub table: Option<usize>,
    /// Какой лист книги читать; по умолчанию первый с графой точки
    #[arg(long, value_name = "ЛИСТ")]
    pub sheet: Option<String>,
    /// Графа с нестандартным заголовком: "Заголовок=поле" (point, process, direction, channel, needs, interaction, features, client, value, basis)
    #[arg(long, value_name = "ЗАГОЛОВОК=ПОЛЕ")]
    pub column: Vec<String>,
    /// Организация (если её нет в заголовке документа)
    #[arg(long, value_name = "ТЕКСТ")]
    pub organization: Option<String>,
    /// Акт утверждения: "Приказ № 76 от 24.09.2024"
    #[arg(long, value_name = "ТЕКСТ")]
    pub approved: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Файл перечня
    #[arg(value_name = "ФАЙЛ")]
    pub file: PathBuf,
    /// Формат (по умолчанию table; с -o — по расширению файла: .md, .csv, .html, .json, .xlsx, .docx, .txt)
    #[arg(long, value_enum)]
    pub format: Option<ShowFormat>,
    /// Записать в файл (атомарно; входной файл никогда не перезаписывается)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    /// Перезаписать существующий файл -o (входные файлы не перезаписываются никогда)
    #[arg(long)]
    pub force: bool,
    /// Профили клиентского сегмента карточками (признаки, цель, клиентский путь, каналы, точки процессов) вместо таблицы перечня
    #[arg(long)]
    pub profiles: bool,
    /// С --profiles: выгрузки опросов (CSV, XLSX или ODS; несколько лет — ГОД=ФАЙЛ); на карточке — итоги последнего по процессам профиля
    #[arg(long, value_name = "ВЫГРУЗКА", num_args = 1.., requires = "profiles")]
    pub survey: Vec<PathBuf>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegionFormat {
    /// Таблицы в терминале
    Table,
    Markdown,
    /// Для программ и для свода следующего года (--previous)
    Json,
    /// Книга Excel: лист на раздел (нужен -o)
    Xlsx,
    /// Страница с диаграммой уровней по органам и годам (нужен -o)
    Html,
}

#[derive(Debug, clap::Args)]
pub struct RegionArgs {
    /// Папки органов (в каждой — перечни, итоги опроса и сводка журнала в JSON) или папка региона с ними
    #[arg(required = true, value_name = "ПАПКА")]
    pub folders: Vec<PathBuf>,
    /// Показатели опроса органа, где в последней волне меньше анкет, не выводятся (анонимность, Смоленск 5.2)
    #[arg(long, default_value = "5", value_name = "ЧИСЛО")]
    pub min_group: u64,
    /// Свод прошлого года (JSON этой команды): изменения по каждому органу
    #[arg(long, value_name = "СВОД.json")]
    pub previous: Option<PathBuf>,
    /// Формат (по умолчанию — по расширению -o, иначе таблицы)
    #[arg(long, value_enum)]
    pub format: Option<RegionFormat>,
    /// Записать в файл (атомарно; входной файл никогда не перезаписывается)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    /// Перезаписать существующий файл -o
    #[arg(long)]
    pub force: bool,
    /// Дата свода (по умолчанию — сегодня): с ней сравнивается дата сводок журналов
    #[arg(long, value_name = "ДАТА")]
    pub as_of: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Анкета из перечня: описание анкеты, бланк (Markdown, Word) и строки для Google/Яндекс Форм
    Init(SurveyInitArgs),
    /// Предложения Министру при снижении удовлетворенности (Омск п. 13): Markdown или Word
    Proposals(SurveyProposalsArgs),
    /// Проверить выгрузки анкет (S001–S013): значения вне шкалы, сдвинутые строки, повторы
    Check(SurveyCheckArgs),
    /// Итоги опроса: доли ответов, уровень удовлетворенности с 95 % интервалом, динамика по годам
    Tally(SurveyTallyArgs),
    /// Карта болей (Смоленск 4.7–4.8): проблемы и предложения с графами «Мероприятие» и «Срок»
    Pains(SurveyPainsArgs),
    /// Отчёт для руководства: одна HTML-страница с диаграммами, динамикой, сегментами и картой болей
    Report(SurveyReportArgs),
}

/// How exports are read; shared by every survey command.
#[derive(Debug, clap::Args)]
pub struct SurveyInput {
    /// Выгрузки (CSV, XLSX или ODS); несколько лет — как ГОД=ФАЙЛ или с годом в имени файла
    #[arg(required = true, value_name = "ВЫГРУЗКА")]
    pub exports: Vec<String>,
    /// Описание анкеты (YAML): какие столбцы — вопросы, проблемы, предложения, сегменты
    #[arg(long = "survey", value_name = "ОПИСАНИЕ.yaml")]
    pub definition: Option<PathBuf>,
    /// Кодировка CSV: utf-8 или cp1251 (по умолчанию определяется: BOM, UTF-8, Windows-1251)
    #[arg(long, value_name = "КОДИРОВКА")]
    pub encoding: Option<String>,
    /// Разделитель CSV: «,», «;» или «tab» (по умолчанию — тот, что даёт заголовку и первым строкам одинаковое число полей)
    #[arg(long, value_name = "СИМВОЛ")]
    pub delimiter: Option<String>,
}

/// Formats of survey findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SurveyCheckFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SurveyCheckArgs {
    #[command(flatten)]
    pub input: SurveyInput,
    /// Формат вывода
    #[arg(long, value_enum, default_value = "text")]
    pub format: SurveyCheckFormat,
}

/// Formats of a tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TallyFormat {
    /// Таблица в терминале с полосой уровня по каждому вопросу
    Table,
    Json,
    /// CSV для русского Excel
    Csv,
    Markdown,
}

/// How the figures are computed; shared by `tally` and `report`.
#[derive(Debug, clap::Args)]
pub struct FiguresArgs {
    /// Разбить все показатели по значениям столбца (заголовок или шаблон со *)
    #[arg(long, value_name = "СТОЛБЕЦ")]
    pub by: Option<String>,
    /// Группа меньше этого числа ответивших не показывается (анонимность, Смоленск 5.2)
    #[arg(long, default_value = "5", value_name = "ЧИСЛО")]
    pub min_group: u64,
    /// Численность внутренних клиентов: поправка на конечную совокупность в интервалах
    #[arg(long, value_name = "ЧИСЛО")]
    pub population: Option<u64>,
}

#[derive(Debug, clap::Args)]
pub struct SurveyTallyArgs {
    #[command(flatten)]
    pub input: SurveyInput,
    #[command(flatten)]
    pub figures: FiguresArgs,
    /// Завершиться со статусом 1 при статистически значимом снижении (Омск п. 13)
    #[arg(long)]
    pub fail_on_decline: bool,
    /// Перечень (YAML, DOCX, ODT, XLSX или ODS): итоги по его процессам (S007–S009)
    #[arg(long, value_name = "ПЕРЕЧЕНЬ")]
    pub registry: Option<PathBuf>,
    /// Итоги по профилям клиентского сегмента перечня (нужен --registry): ответы тех, чьи признаки совпадают с признаками профиля
    #[arg(long)]
    pub profiles: bool,
    /// Формат вывода (по умолчанию table; с -o — по расширению файла: .json, .csv, .md, .txt)
    #[arg(long, value_enum)]
    pub format: Option<TallyFormat>,
    /// Записать в файл (атомарно; входной файл никогда не перезаписывается)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    /// Перезаписать существующий файл -o
    #[arg(long)]
    pub force: bool,
}

/// Formats of the pain map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PainsFormat {
    /// CSV для русского Excel (UTF-8 с BOM, «;»)
    Csv,
    Markdown,
    /// Книга Excel (нужен -o)
    Xlsx,
}

/// Formats of the proposals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProposalsFormat {
    Markdown,
    /// Документ Word
    Docx,
}

#[derive(Debug, clap::Args)]
pub struct SurveyProposalsArgs {
    #[command(flatten)]
    pub input: SurveyInput,
    /// Перечень (YAML, DOCX, ODT, XLSX или ODS): точки взаимодействия процесса каждого вопроса
    #[arg(long, value_name = "ПЕРЕЧЕНЬ")]
    pub registry: Option<PathBuf>,
    /// Вопрос, на который ответили меньше этого числа человек, не даёт ни цифр, ни снижения, ни текстов (анонимность, Смоленск 5.2; как у tally)
    #[arg(long, default_value = "5", value_name = "ЧИСЛО")]
    pub min_group: u64,
    /// Формат (по умолчанию — по расширению файла: .docx или .md)
    #[arg(long, value_enum)]
    pub format: Option<ProposalsFormat>,
    /// Файл предложений (записывается атомарно; входные файлы не перезаписываются)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: PathBuf,
    /// Перезаписать существующий файл -o (входные файлы не перезаписываются никогда)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct SurveyInitArgs {
    /// Перечень (YAML, DOCX, ODT, XLSX или ODS): по строке анкеты на каждый процесс
    #[arg(value_name = "ПЕРЕЧЕНЬ")]
    pub registry: PathBuf,
    /// Папка для файлов анкеты (создаётся; существующие файлы не перезаписываются)
    #[arg(short, long, value_name = "ПАПКА", default_value = ".")]
    pub output: PathBuf,
    /// Области анкеты, если в перечне их нет: accounting, hr, it, admin через запятую
    #[arg(long, value_name = "ОБЛАСТИ", value_delimiter = ',')]
    pub areas: Vec<String>,
    /// Вопросы о сегменте: признаки из таблицы сегментации перечня через запятую; варианты ответа — ровно значения признака (Северная Осетия)
    #[arg(long, value_name = "ПРИЗНАКИ", value_delimiter = ',')]
    pub segments: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct SurveyPainsArgs {
    #[command(flatten)]
    pub input: SurveyInput,
    /// Формат (по умолчанию markdown; с -o — по расширению файла: .csv, .md, .xlsx)
    #[arg(long, value_enum)]
    pub format: Option<PainsFormat>,
    /// Записать в файл (атомарно)
    #[arg(short, long, value_name = "ФАЙЛ")]
    pub output: Option<PathBuf>,
    /// Перезаписать существующий файл -o (входные файлы не перезаписываются никогда)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct SurveyReportArgs {
    #[command(flatten)]
    pub input: SurveyInput,
    #[command(flatten)]
    pub figures: FiguresArgs,
    /// Перечень (YAML, DOCX, ODT, XLSX или ODS): тепловая карта удовлетворенности по его процессам
    #[arg(long, value_name = "ПЕРЕЧЕНЬ")]
    pub registry: Option<PathBuf>,
    /// Файл отчёта (HTML; записывается атомарно)
    #[arg(short, long, value_name = "ФАЙЛ.html")]
    pub output: PathBuf,
    /// Перезаписать существующий файл -o (входные файлы не перезаписываются никогда)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Папка для заготовок (создаётся при необходимости)
    #[arg(value_name = "ПАПКА", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// Оболочка
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A Russian account of a command-line error, or None for help and version (which clap prints
/// as they are) and for kinds without a better Russian line than clap's own.
/// What an argument allows, in Russian: the error our own value parsers give.
#[derive(Debug)]
pub struct Allowed(&'static str);

impl std::fmt::Display for Allowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Allowed {}

/// `--due-soon`: 0 to 60 working days, said in Russian when it is not.
fn due_soon_days(text: &str) -> Result<u32, Allowed> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|days| *days <= 60)
        .ok_or(Allowed("допустимо целое число рабочих дней от 0 до 60"))
}

pub fn russian_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => value.clone(),
        Some(ContextValue::Strings(values)) => values.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let line = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue);
            let value = context(ContextKind::InvalidValue);
            let argument = context(ContextKind::InvalidArg);
            if value.is_empty() {
                format!("у {argument} не указано значение")
            } else if valid.is_empty() {
                format!("недопустимое значение «{value}» для {argument}")
            } else {
                format!("недопустимое значение «{value}» для {argument}; допустимые: {valid}")
            }
        }
        ErrorKind::UnknownArgument => {
            let argument = context(ContextKind::InvalidArg);
            let suggested = context(ContextKind::SuggestedArg);
            if suggested.is_empty() {
                format!("неизвестный параметр «{argument}»")
            } else {
                format!("неизвестный параметр «{argument}»: возможно, имелся в виду {suggested}")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let command = context(ContextKind::InvalidSubcommand);
            let suggested = match error.get(ContextKind::SuggestedSubcommand) {
                Some(ContextValue::Strings(values)) => values.join("» или «"),
                _ => context(ContextKind::SuggestedSubcommand),
            };
            if suggested.is_empty() {
                format!("нет команды «{command}»")
            } else {
                format!("нет команды «{command}»: возможно, имелась в виду «{suggested}»")
            }
        }
        ErrorKind::MissingRequiredArgument => format!(
            "не указан обязательный аргумент: {}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => "не указана команда".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "параметр {} нельзя указывать вместе с {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("лишний аргумент «{}»", context(ContextKind::InvalidValue))
        }
        ErrorKind::ValueValidation => {
            // Our own parsers say in Russian what is allowed; a library's English is not shown.
            let reason = std::error::Error::source(error)
                .and_then(|source| source.downcast_ref::<Allowed>())
                .map(|allowed| format!(": {allowed}"))
                .unwrap_or_default();
            format!(
                "недопустимое значение «{}» для {}{reason}",
                context(ContextKind::InvalidValue),
                context(ContextKind::InvalidArg)
            )
        }
        _ => return None,
    };
    Some(format!(
        "{line}\nСправка: tochki --help или tochki КОМАНДА --help"
    ))
}

/// The command line with its help in Russian: clap writes «Usage:», «Options:» and «Print help»
/// itself, so every command gets a Russian template and Russian help and version flags. Help
/// for `--help`, completions and the man page all come from here.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    // Help wraps between words at the width tables are fitted to (documents.md «The terminal»).
    russian_help(Cli::command(), true).term_width(crate::render::fit::terminal_width())
}

fn russian_help(command: clap::Command, root: bool) -> clap::Command {
    use clap::{Arg, ArgAction};
    let mut command = command
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Показать справку"),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Показать версию"),
        );
    }
    let mut template = String::from("{about-with-newline}\nИспользование: {usage}\n");
    if command.get_subcommands().next().is_some() {
        template.push_str("\nКоманды:\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\nАргументы:\n{positionals}\n");
    }
    template.push_str("\nПараметры:\n{options}\n{after-help}");
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut command = command
        .help_template(template)
        .subcommand_value_name("КОМАНДА")
        .mut_args(russian_values);
    for name in names {
        command = command.mut_subcommand(name, |sub| russian_help(sub, false));
    }
    command
}

/// An argument's values and default written into its Russian help, and clap's English
/// «[default: …]», «[possible values: …]» and «Possible values:» hidden.
fn russian_values(arg: clap::Arg) -> clap::Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    // The placeholder clap derives from the field's name is English: given a Russian one.
    let derived = arg
        .get_value_names()
        .is_none_or(|names| names.iter().all(|n| n.as_str().is_ascii()));
    let arg = match arg.get_id().as_str() {
        "format" if derived => arg.value_name("ФОРМАТ"),
        "color" if derived => arg.value_name("ЦВЕТ"),
        "shell" if derived => arg.value_name("ОБОЛОЧКА"),
        "min_group" if derived => arg.value_name("ЧИСЛО"),
        _ => arg,
    };
    let values: Vec<clap::builder::PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let mut short = Vec::new();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        short.push(format!("значения: {}", names.join(", ")));
    }
    if !defaults.is_empty() {
        short.push(format!("по умолчанию: {}", defaults.join(", ")));
    }
    let arg = arg
        .help(format!("{help} ({})", short.join("; ")))
        .hide_default_value(true)
        .hide_possible_values(true);
    if values.iter().any(|v| v.get_help().is_some()) {
        let mut long = format!("{help} ({})\n\nЗначения:", short.join("; "));
        for value in &values {
            match value.get_help() {
                Some(text) => long.push_str(&format!("\n  {} — {text}", value.get_name())),
                None => long.push_str(&format!("\n  {}", value.get_name())),
            }
        }
        return arg.long_help(long);
    }
    arg
}

/// clap's usage line in Russian: «[OPTIONS]» is «[ПАРАМЕТРЫ]». clap has no setting for the
/// word, so the rendered help is rewritten once, here.
pub fn russian_usage(help: &str) -> String {
    help.replace("[OPTIONS]", "[ПАРАМЕТРЫ]")
        .replace("[COMMAND]", "[КОМАНДА]")
}
