// Reads app.yaml, validates it, and reports every problem with its YAML path and line.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserFacingError } from '../errors.js';
import { problemsFromIssues } from './problems.js';
import { appConfigSchema, type AppConfig } from './schema.js';
import { describeYamlError, lineOfPath, lineOfYamlError } from './yaml-lines.js';

export interface ConfigProblem {
  /** Where in the file, like `teams[0].rotations[1].timezone`; empty for the file as a whole. */
  path: string;
  line?: number;
  message: string;
}

/** `teams[0].rotations[1].timezone: "Europe/Zurch" is not an IANA time zone (line 23)` */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.path === '' ? '' : `${problem.path}: `;
  const line = problem.line === undefined ? '' : ` (line ${problem.line})`;
  return `${where}${problem.message}${line}`;
}

/** Every problem found in a configuration; the message lists them one per line. */
export class ConfigError extends UserFacingError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, index) =>
      typeof step === 'number' ? `[${step}]` : `${index === 0 ? '' : '.'}${String(step)}`,
    )
    .join('');
}

/** One problem per line: a single YAML mistake often confuses the parser several ways at once. */
function firstPerLine(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.filter(
    (problem, index) =>
      problem.line === undefined ||
      problems.findIndex((other) => other.line === problem.line) === index,
  );
}

function byLine(a: ConfigProblem, b: ConfigProblem): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
}

/** Parses YAML text to plain data, throwing ConfigError for syntax errors and empty files. */
function parseYaml(yamlText: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, merge: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      path: '',
      line: lineOfYamlError(error),
      message: describeYamlError(error),
    }));
    throw new ConfigError(firstPerLine(problems));
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([{ path: '', message: `the YAML could not be read: ${reason}` }]);
  }
  if (data === null || data === undefined) {
    const message =
      'the configuration is empty; it needs at least a teams section (see docs/configuration.md)';
    throw new ConfigError([{ path: '', message }]);
  }
  return { doc, lineCounter, data };
}

/** Validates the text of an app.yaml; throws ConfigError listing every problem. */
export function parseConfig(yamlText: string): AppConfig {
  const { doc, lineCounter, data } = parseYaml(yamlText);
  const result = appConfigSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const problems = problemsFromIssues(result.error.issues, appConfigSchema).map((problem) => ({
    path: formatPath(problem.path),
    line: lineOfPath(doc, lineCounter, problem.path),
    message: problem.message,
  }));
  throw new ConfigError(problems.sort(byLine));
}

function unreadable(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return `${path} does not exist; create it (docs/configuration.md describes every setting) or set APP_CONFIG to your configuration file`;
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return `${path} cannot be read (permission denied); make it readable by the user running Watchkeeper`;
  }
  if (code === 'EISDIR')
    return `${path} is a directory; point APP_CONFIG at the app.yaml file itself`;
  return `${path} cannot be read (${typeof code === 'string' ? code : 'unknown error'}); check the path and the file`;
}

/** Reads and validates the configuration file at `path`; throws ConfigError when it is missing, unreadable or invalid. */
export function loadConfig(path: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ path: '', message: unreadable(path, error) }]);
  }
  return parseConfig(text);
}
