import { useTranslation } from 'react-i18next';
import type { RoundScores } from '../../../../shared/outcomes/schemas/alerts.ts';
import { useFormatters } from '../../../components/format.ts';
import { StackTable } from '../../components/StackTable.tsx';

export const SCORE_KEYS = ['composite', 'economic', 'social', 'psychosocial', 'familyUnity', 'servicesAccess'] as const;
const LINES = [
  { key: 'composite', colour: '#1c3d5a', dash: '' },
  { key: 'economic', colour: '#8a4b08', dash: '6 3' },
  { key: 'social', colour: '#1f6b2f', dash: '2 3' },
  { key: 'psychosocial', colour: '#6b2f6b', dash: '8 3 2 3' },
] as const;

/** A score on 0–1 as a percentage in the reader's digits; a dash when unknown. */
export function useScore() {
  const { number } = useFormatters();
  return (value: number | null) => (value === null ? '—' : `${number(Math.round(value * 100))}%`);
}

/**
 * A household's scores round by round: a small line chart (inline SVG, no chart library) of the composite and
 * the three dimensions with a legend, and its data as a table below it, which is what screen readers and narrow
 * phones read.
 */
export function ScoreChart({ rounds }: { rounds: readonly RoundScores[] }) {
  const { t } = useTranslation();
  const score = useScore();
  const width = 320;
  const height = 160;
  const pad = 24;
  const x = (index: number) => pad + (rounds.length <= 1 ? 0 : (index * (width - 2 * pad)) / (rounds.length - 1));
  const y = (value: number) => height - pad - value * (height - 2 * pad);
  return (
    <>
      {rounds.length > 1 ? (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ maxWidth: 480 }}
          role="img"
          aria-label={t('outcomes.alerts.chart.label')}
        >
          <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="#999" />
          <line x1={pad} x2={width - pad} y1={y(1)} y2={y(1)} stroke="#ddd" />
          {rounds.map((round, index) => (
            <text key={round.responseId} x={x(index)} y={height - 6} fontSize="10" textAnchor="middle">
              {t('outcomes.alerts.roundShort', { round: round.round })}
            </text>
          ))}
          {LINES.map((line) => {
            const points = rounds
              .map((round, index) => (round[line.key] === null ? null : `${x(index)},${y(round[line.key]!)}`))
              .filter(Boolean)
              .join(' ');
            return (
              <polyline
                key={line.key}
                points={points}
                fill="none"
                stroke={line.colour}
                strokeWidth={line.key === 'composite' ? 3 : 1.5}
                strokeDasharray={line.dash}
              />
            );
          })}
        </svg>
      ) : null}
      {rounds.length > 1 ? (
        // Which line is which: each score's colour and dash beside its name (the table below gives the figures).
        <ul
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: '4px 16px',
            listStyle: 'none',
            padding: 0,
            margin: '0 0 8px',
          }}
        >
          {LINES.map((line) => (
            <li key={line.key} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <svg width="28" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={line.colour}
                  strokeWidth={line.key === 'composite' ? 3 : 1.5}
                  strokeDasharray={line.dash}
                />
              </svg>
              {t(`outcomes.alerts.score.${line.key}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <StackTable>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.alerts.round')}</th>
            {SCORE_KEYS.map((key) => (
              <th key={key} scope="col">
                {t(`outcomes.alerts.score.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => (
            <tr key={round.responseId}>
              <th scope="row">{t('outcomes.alerts.roundLong', { round: round.round })}</th>
              {SCORE_KEYS.map((key) => (
                <td key={key}>{score(round[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </StackTable>
    </>
  );
}
