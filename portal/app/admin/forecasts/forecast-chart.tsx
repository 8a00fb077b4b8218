import type { ChartPoint } from '../../../../server/src/modules/forecasting';
import { ChartCard } from '../insights/chart-card';
import { formatDay } from '../insights/format';
import { formatUnits } from './forecast-format';

/**
 * Weekly units sold, then the forecast with its 80 % band drawn as two
 * dashed bounds (a filled band reads as a second quantity in Polaris Viz);
 * the hidden table carries the 95 % band as well.
 */
export function ForecastChart({
  title,
  points,
  headingLevel,
}: {
  title: string;
  points: ChartPoint[];
  headingLevel?: 'h2' | 'h3';
}) {
  const series = (name: string, value: (point: ChartPoint) => number | null, isComparison = false) => ({
    name,
    isComparison,
    data: points.map((point) => ({ key: point.week, value: value(point) })),
  });
  const sold = points.filter((point) => point.actual !== null);
  const ahead = points.filter((point) => point.mean !== null);
  const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  const next13 = ahead.slice(0, 13);
  const summary =
    ahead.length === 0
      ? 'No forecast weeks.'
      : `${formatUnits(sum(sold.slice(-13).map((point) => point.actual)))} units sold in the last 13 weeks; ` +
        `${formatUnits(sum(next13.map((point) => point.mean)))} expected in the next 13 ` +
        `(80% range ${formatUnits(sum(next13.map((point) => point.lower80)))}–${formatUnits(sum(next13.map((point) => point.upper80)))}).`;
  const cell = (value: number | null) => (value === null ? '' : formatUnits(value));
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      height={280}
      chart={{
        kind: 'line',
        data: [
          series('Sold', (point) => point.actual),
          series('Forecast', (point) => point.mean),
          series('80% low', (point) => point.lower80, true),
          series('80% high', (point) => point.upper80, true),
        ],
        formatY: formatUnits,
        formatX: (week) => formatDay(week),
        fractional: true,
      }}
      table={{
        columns: ['Week', 'Sold', 'Forecast', '80% low', '80% high', '95% low', '95% high'],
        rows: points.map((point) => [
          formatDay(point.week, { year: true }),
          cell(point.actual),
          cell(point.mean),
          cell(point.lower80),
          cell(point.upper80),
          cell(point.lower95),
          cell(point.upper95),
        ]),
      }}
    />
  );
}
