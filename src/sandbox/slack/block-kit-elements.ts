// Limits of Block Kit text objects and interactive elements (buttons, menus, confirm dialogs).
/** Problem lines collected while walking a payload. */
export type Problems = string[];

export function tooLong(max: number, pointer: string): string {
  return `must be less than ${max + 1} characters [json-pointer:${pointer}]`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const elementLimits = {
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** A `{ type: 'plain_text' | 'mrkdwn', text }` object: present, non-empty and within `max`. */
export function checkTextObject(
  value: unknown,
  at: string,
  problems: Problems,
  rule: { max: number; plainOnly?: boolean },
): void {
  if (!isRecord(value)) {
    problems.push(`missing required field: text [json-pointer:${at}]`);
    return;
  }
  const allowed = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    problems.push(`must be a valid enum value [json-pointer:${at}/type]`);
  }
  if (typeof value.text !== 'string') {
    problems.push(`missing required field: text [json-pointer:${at}/text]`);
  } else if (value.text.length === 0) {
    problems.push(`must be more than 0 characters [json-pointer:${at}/text]`);
  } else if (value.text.length > rule.max) {
    problems.push(tooLong(rule.max, `${at}/text`));
  }
}

/** Any interactive element: its action_id, plus the limits of the kinds Watchkeeper uses. */
export function checkElement(element: Record<string, unknown>, at: string, problems: Problems) {
  if (typeof element.action_id === 'string' && element.action_id.length > elementLimits.actionId) {
    problems.push(tooLong(elementLimits.actionId, `${at}/action_id`));
  }
  if (element.confirm !== undefined) checkConfirm(element.confirm, `${at}/confirm`, problems);
  if (element.placeholder !== undefined) {
    checkTextObject(element.placeholder, `${at}/placeholder`, problems, {
      max: elementLimits.placeholder,
      plainOnly: true,
    });
  }
  if (element.type === 'button') checkButton(element, at, problems);
  if (element.type === 'overflow') {
    checkOptions(element.options, `${at}/options`, problems, elementLimits.overflowOptions);
  }
  if (element.type === 'static_select' || element.type === 'multi_static_select') {
    if (element.option_groups === undefined) {
      checkOptions(element.options, `${at}/options`, problems, elementLimits.options);
    }
  }
}

function checkButton(button: Record<string, unknown>, at: string, problems: Problems): void {
  checkTextObject(button.text, `${at}/text`, problems, {
    max: elementLimits.buttonText,
    plainOnly: true,
  });
  if (typeof button.value === 'string' && button.value.length > elementLimits.buttonValue) {
    problems.push(tooLong(elementLimits.buttonValue, `${at}/value`));
  }
  if (typeof button.url === 'string' && button.url.length > elementLimits.buttonUrl) {
    problems.push(tooLong(elementLimits.buttonUrl, `${at}/url`));
  }
  if (button.style !== undefined && button.style !== 'primary' && button.style !== 'danger') {
    problems.push(`must be a valid enum value [json-pointer:${at}/style]`);
  }
}

function checkOptions(options: unknown, at: string, problems: Problems, max: number): void {
  if (!Array.isArray(options) || options.length === 0) {
    problems.push(`must provide an array of at least 1 items [json-pointer:${at}]`);
    return;
  }
  if (options.length > max) problems.push(`no more than ${max} items allowed [json-pointer:${at}]`);
  options.forEach((option, index) => {
    const optionAt = `${at}/${index}`;
    if (!isRecord(option)) {
      problems.push(`failed to match all allowed schemas [json-pointer:${optionAt}]`);
      return;
    }
    checkTextObject(option.text, `${optionAt}/text`, problems, { max: elementLimits.optionText });
    if (typeof option.value === 'string' && option.value.length > elementLimits.optionValue) {
      problems.push(tooLong(elementLimits.optionValue, `${optionAt}/value`));
    }
  });
}

function checkConfirm(confirm: unknown, at: string, problems: Problems): void {
  if (!isRecord(confirm)) {
    problems.push(`failed to match all allowed schemas [json-pointer:${at}]`);
    return;
  }
  const plain = { plainOnly: true };
  checkTextObject(confirm.title, `${at}/title`, problems, {
    ...plain,
    max: elementLimits.confirmTitle,
  });
  checkTextObject(confirm.text, `${at}/text`, problems, { max: elementLimits.confirmText });
  checkTextObject(confirm.confirm, `${at}/confirm`, problems, {
    ...plain,
    max: elementLimits.confirmButton,
  });
  checkTextObject(confirm.deny, `${at}/deny`, problems, {
    ...plain,
    max: elementLimits.confirmButton,
  });
}
