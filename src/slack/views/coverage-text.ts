// Describes a rotation's coverage hours in words: "Mon–Fri 08:00–18:00 Europe/Zurich".
import type { Rotation, Weekday } from '../../config/schema.js';

const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const label = (day: Weekday) => day.charAt(0).toUpperCase() + day.slice(1);

export function describeDays(days: Weekday[]): string {
  const sorted = order.filter((day) => days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && order.indexOf(day) === order.indexOf(previous) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3 ? `${label(run[0]!)}–${label(run.at(-1)!)}` : run.map(label).join(', '),
    )
    .join(', ');
}

export function describeCoverage(rotation: Rotation): string {
  if (!rotation.coverage) return `around the clock (${rotation.timezone})`;
  const { days, from, to } = rotation.coverage;
  return `${describeDays(days)} ${from}–${to} ${rotation.timezone}`;
}
