import { BarChart, type DataSeries, DonutChart, LineChart, PolarisVizProvider } from '@shopify/polaris-viz';

/**
 * Polaris Viz behind one small component, loaded on its own after the page is
 * interactive (see chart-card.tsx): the charts' code never delays the first
 * paint of the numbers above them.
 */
export type ValueFormatter = (value: number) => string;

interface AxisOptions {
  data: DataSeries[];
  formatY?: ValueFormatter;
  formatX?: (key: string) => string;
  /** Pin the top of the value axis: 1 for shares, or a sensible scale when every value is 0. */
  maxY?: number;
  /** Values between whole numbers mean something (shares); otherwise ticks are integers (counts, cents, micro-dollars). */
  fractional?: boolean;
}

export type VizChartProps =
  | ({ kind: 'line' } & AxisOptions)
  | ({ kind: 'bar'; horizontal?: boolean } & AxisOptions)
  | { kind: 'donut'; data: DataSeries[]; formatY?: ValueFormatter };

const asNumber = (format?: ValueFormatter) => (value: string | number | null) =>
  format ? format(Number(value ?? 0)) : String(value ?? '');
const asKey = (format?: (key: string) => string) => (value: string | number | null) =>
  format ? format(String(value ?? '')) : String(value ?? '');

export default function VizChart(props: VizChartProps) {
  return <PolarisVizProvider defaultTheme="Light">{renderChart(props)}</PolarisVizProvider>;
}

function renderChart(props: VizChartProps) {
  if (props.kind === 'donut') {
    return (
      <DonutChart
        data={props.data}
        isAnimated={false}
        legendPosition="bottom"
        legendFullWidth
        showLegendValues
        labelFormatter={asNumber(props.formatY)}
      />
    );
  }
  const values = {
    labelFormatter: asNumber(props.formatY),
    maxYOverride: props.maxY ?? null,
    integersOnly: !props.fractional,
  };
  const keys = { labelFormatter: asKey(props.formatX) };
  const shared = {
    data: props.data,
    isAnimated: false,
    showLegend: props.data.length > 1,
    tooltipOptions: { valueFormatter: asNumber(props.formatY), titleFormatter: asKey(props.formatX) },
  };
  if (props.kind === 'line') return <LineChart {...shared} xAxisOptions={keys} yAxisOptions={values} />;
  return props.horizontal ? (
    // A horizontal bar chart's value axis is x, and its only option there is the label.
    <BarChart
      {...shared}
      direction="horizontal"
      xAxisOptions={{ labelFormatter: values.labelFormatter }}
      yAxisOptions={keys}
    />
  ) : (
    <BarChart {...shared} direction="vertical" xAxisOptions={keys} yAxisOptions={values} />
  );
}
