/**
 * Charts drawn on the server as SVG: no script, nothing fetched, readable without colour (lines differ
 * by dash, bars are labelled by the legend and the table beside them). The SVG is an image with a
 * title and a description; the numbers themselves are in the data table every chart comes with.
 */

interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface ChartProps {
  id: string;
  kind: 'bars' | 'lines' | 'hbars';
  title: string;
  description: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
}

const WIDTH = 760;
const HEIGHT = 300;
const M = { top: 16, right: 16, bottom: 56, left: 56 };

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function shortLabel(label: string): string {
  // Dates show as MM-DD on the axis; the table has them whole.
  return /^\d{4}-\d{2}-\d{2}$/.test(label) ? label.slice(5) : label;
}

function truncate(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {series.map((s, i) => (
        <li>
          <svg width="28" height="12" viewBox="0 0 28 12" focusable="false" aria-hidden="true">
            <line class={`chart-line chart-s${i}`} x1="0" y1="6" x2="28" y2="6" />
          </svg>{' '}
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function VerticalChart({ kind, labels, series }: Pick<ChartProps, 'kind' | 'labels' | 'series'>) {
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const n = Math.max(1, labels.length);
  const band = plotW / n;
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const every = Math.ceil(n / 14);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <>
      {ticks.map((v) => (
        <g>
          <line class="chart-grid" x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} />
          <text class="chart-axis" x={M.left - 6} y={y(v) + 4} text-anchor="end">
            {Number.isInteger(v) ? String(v) : v.toFixed(1)}
          </text>
        </g>
      ))}
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text
            class="chart-axis"
            x={M.left + band * i + band / 2}
            y={HEIGHT - M.bottom + 16}
            text-anchor="middle"
          >
            {truncate(shortLabel(label), 12)}
          </text>
        ) : null,
      )}
      {kind === 'bars'
        ? series.map((s, si) => {
            const w = Math.max(1, (band * 0.8) / series.length);
            return s.values.map((v, i) =>
              v === null || v === 0 ? null : (
                <rect
                  class={`chart-bar chart-s${si}`}
                  x={M.left + band * i + band * 0.1 + w * si}
                  y={y(v)}
                  width={w}
                  height={M.top + plotH - y(v)}
                />
              ),
            );
          })
        : series.map((s, si) => {
            const segments: string[][] = [[]];
            s.values.forEach((v, i) => {
              if (v === null) segments.push([]);
              else segments[segments.length - 1]?.push(`${M.left + band * i + band / 2},${y(v)}`);
            });
            return (
              <g>
                {segments
                  .filter((p) => p.length > 0)
                  .map((p) =>
                    p.length === 1 ? (
                      <circle
                        class={`chart-dot chart-s${si}`}
                        cx={p[0]?.split(',')[0]}
                        cy={p[0]?.split(',')[1]}
                        r="3"
                      />
                    ) : (
                      <polyline class={`chart-line chart-s${si}`} points={p.join(' ')} />
                    ),
                  )}
              </g>
            );
          })}
      <line class="chart-axis-line" x1={M.left} x2={WIDTH - M.right} y1={M.top + plotH} y2={M.top + plotH} />
    </>
  );
}

const ROW = 26;
const LEFT_H = 300;

function HorizontalChart({ labels, series }: Pick<ChartProps, 'labels' | 'series'>) {
  const values = series[0]?.values ?? [];
  const plotW = WIDTH - LEFT_H - M.right - 40;
  const max = niceMax(Math.max(0, ...values.map((v) => v ?? 0)));
  return (
    <>
      {labels.map((label, i) => {
        const v = values[i] ?? 0;
        const yTop = M.top + i * ROW;
        return (
          <g>
            <text class="chart-axis" x={LEFT_H - 8} y={yTop + ROW / 2 + 4} text-anchor="end">
              {truncate(label, 42)}
            </text>
            <rect
              class="chart-bar chart-s0"
              x={LEFT_H}
              y={yTop + 4}
              width={Math.max(v > 0 ? 1 : 0, (v / max) * plotW)}
              height={ROW - 8}
            />
            <text class="chart-axis" x={LEFT_H + (v / max) * plotW + 6} y={yTop + ROW / 2 + 4}>
              {String(v)}
            </text>
          </g>
        );
      })}
    </>
  );
}

export function Chart({ id, kind, title, description, labels, series }: ChartProps) {
  const height = kind === 'hbars' ? M.top * 2 + Math.max(1, labels.length) * ROW : HEIGHT;
  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {kind === 'hbars' ? (
          <HorizontalChart labels={labels} series={series} />
        ) : (
          <VerticalChart kind={kind} labels={labels} series={series} />
        )}
      </svg>
      {series.length > 1 || kind !== 'hbars' ? <Legend series={series} /> : null}
    </figure>
  );
}
