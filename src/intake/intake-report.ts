import { IntakeExample } from './intake-corpus';
import { EvaluationReport, Rate } from './intake-evaluation';

// The evaluation as Markdown (npm run eval:intake prints it; docs/routing.md keeps the latest one).

const percent = (rate: Rate) => (rate.total === 0 ? '–' : `${((100 * rate.right) / rate.total).toFixed(1)} %`);
const share = (part: number, total: number) => `${((100 * part) / Math.max(total, 1)).toFixed(1)} %`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
}

function summary(name: string, report: EvaluationReport): string[] {
  return [
    name,
    String(report.contacts),
    percent(report.category),
    percent(report.owner),
    share(report.triaged, report.contacts),
    share(report.correctTriaged, report.contacts),
    report.calibrationError.toFixed(3),
  ];
}

function rates(record: Record<string, Rate>): string[][] {
  return Object.entries(record)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([key, rate]) => [key, String(rate.total), percent(rate)]);
}

function confusion(report: EvaluationReport, categories: readonly string[]): string {
  const short = (category: string) =>
    category
      .split('_')
      .map((word) => word[0])
      .join('');
  const rows = categories.map((actual) => [
    `${short(actual)} ${actual}`,
    ...categories.map((predicted) => String(report.confusion[actual]?.[predicted] ?? '·')),
  ]);
  return table(['actual ↓ / predicted →', ...categories.map(short)], rows);
}

export function formatEvaluation(
  modelVersion: string,
  reports: { dev: EvaluationReport; test: EvaluationReport },
  categories: readonly string[],
): string {
  const { dev, test } = reports;
  const languages = Object.keys(test.byLanguage).sort();
  return [
    `Model \`${modelVersion}\`.`,
    '',
    table(
      ['split', 'contacts', 'category', 'owner', 'triaged', 'right but triaged', 'calibration error (ECE)'],
      [summary('dev', dev), summary('test', test)],
    ),
    '',
    '**Dev split by language**',
    '',
    table(
      ['language', 'contacts', 'category', 'owner'],
      Object.keys(dev.byLanguage)
        .sort()
        .map((language) => {
          const figures = dev.byLanguage[language];
          return [language, String(figures.category.total), percent(figures.category), percent(figures.owner)];
        }),
    ),
    '',
    '**Test split by language**',
    '',
    table(
      ['language', 'contacts', 'category', 'owner', 'language detected'],
      languages.map((language) => {
        const figures = test.byLanguage[language];
        return [language, String(figures.category.total), percent(figures.category), percent(figures.owner), percent(figures.detected)];
      }),
    ),
    '',
    '**Test split by style and by channel** (category accuracy)',
    '',
    table(['style', 'contacts', 'category'], rates(test.byStyle)),
    '',
    table(['channel', 'contacts', 'category'], rates(test.byChannel)),
    '',
    '**Test split per category**',
    '',
    table(
      ['category', 'support', 'precision', 'recall'],
      categories.map((category) => {
        const figures = test.perCategory[category];
        return [category, String(figures.support), figures.precision.toFixed(2), figures.recall.toFixed(2)];
      }),
    ),
    '',
    '**Test split confusion matrix**',
    '',
    confusion(test, categories),
  ].join('\n');
}

function countBy(examples: readonly IntakeExample[], key: (example: IntakeExample) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const example of examples) counts.set(key(example), (counts.get(key(example)) ?? 0) + 1);
  return counts;
}

/** The corpus's size per category and language, per split, per style, channel and source. */
export function formatCorpusCounts(examples: readonly IntakeExample[], categories: readonly string[]): string {
  const languages = ['ja', 'en', 'zh', 'ko'];
  const byCell = countBy(examples, (example) => `${example.category}/${example.language}`);
  const line = (counts: Map<string, number>) =>
    [...counts]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([key, count]) => `${key} ${count}`)
      .join(', ');
  return [
    `**The corpus**: ${examples.length} contacts — ${line(countBy(examples, (example) => example.split))}.`,
    '',
    table(
      ['category', ...languages, 'all'],
      [
        ...categories.map((category) => [
          category,
          ...languages.map((language) => String(byCell.get(`${category}/${language}`) ?? 0)),
          String(examples.filter((example) => example.category === category).length),
        ]),
        [
          'all',
          ...languages.map((language) => String(examples.filter((example) => example.language === language).length)),
          String(examples.length),
        ],
      ],
    ),
    '',
    `Styles: ${line(countBy(examples, (example) => example.style))}.`,
    '',
    `Channels: ${line(countBy(examples, (example) => example.channel))}. Sources: ${line(countBy(examples, (example) => example.source))}.`,
  ].join('\n');
}
