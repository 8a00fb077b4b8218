import type { Forecast } from './forecast.types';

/**
 * Combines several models' forecasts point by point. The median ignores one
 * model that went astray, which is why combinations beat their members on
 * M4; interval bounds are combined the same way (a quantile average, the
 * usual and well-behaved choice when the members agree on the shape).
 */
export type Combination = 'median' | 'mean';

export function combineForecasts(forecasts: readonly Forecast[], combination: Combination): Forecast {
  const [first] = forecasts;
  if (!first) throw new Error('combineForecasts needs at least one forecast');
  if (forecasts.length === 1) return first;
  const pick = (series: (model: Forecast) => number[]) => combineSeries(forecasts.map(series), combination);
  return {
    mean: pick((model) => model.mean),
    intervals: first.intervals.map((interval, i) => ({
      level: interval.level,
      lower: pick((model) => model.intervals[i]?.lower ?? model.mean),
      upper: pick((model) => model.intervals[i]?.upper ?? model.mean),
    })),
  };
}

function combineSeries(series: number[][], combination: Combination): number[] {
  const length = series[0]?.length ?? 0;
  const column = new Float64Array(series.length);
  const result: number[] = [];
  for (let h = 0; h < length; h++) {
    for (let k = 0; k < series.length; k++) column[k] = (series[k] as number[])[h] as number;
    if (combination === 'mean') {
      let sum = 0;
      for (const value of column) sum += value;
      result.push(sum / column.length);
    } else {
      column.sort();
      const middle = column.length >> 1;
      result.push(
        column.length % 2
          ? (column[middle] as number)
          : ((column[middle - 1] as number) + (column[middle] as number)) / 2,
      );
    }
  }
  return result;
}
