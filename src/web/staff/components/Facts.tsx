import { type MantineSpacing, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import './kit.css';

/**
 * A description list of facts about one thing (a person, a checkpoint, a publication): label above value. In a
 * grid the columns follow the screen's width; `stacked` keeps one column, for narrow panels.
 */
export function Facts({
  children,
  stacked = false,
  columns = 3,
  mb,
}: {
  children: ReactNode;
  stacked?: boolean;
  columns?: 2 | 3 | 4;
  mb?: MantineSpacing;
}) {
  if (stacked) {
    return (
      <Stack component="dl" className="staff-facts" gap="sm" m={0} mb={mb}>
        {children}
      </Stack>
    );
  }
  const cols =
    columns === 4 ? { base: 1, xs: 2, md: 4 } : columns === 2 ? { base: 1, sm: 2 } : { base: 1, sm: 2, md: 3 };
  return (
    <SimpleGrid component="dl" className="staff-facts" cols={cols} spacing="sm" m={0} mb={mb}>
      {children}
    </SimpleGrid>
  );
}

/** One fact: its label (words, or a badge) and its value, which may be long and breaks rather than overflowing. */
export function Fact({ label, children, large = false }: { label: ReactNode; children: ReactNode; large?: boolean }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        ms={0}
        fw={large ? 700 : 600}
        fz={large ? 'xl' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {children}
      </Text>
    </div>
  );
}
