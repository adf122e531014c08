import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Ids, hashes and signatures: left to right whatever the page's direction, broken anywhere rather than overflowing. */
export function Mono({ children }: { children: ReactNode }) {
  return (
    <Text span ff="monospace" size="sm" dir="ltr" style={{ wordBreak: 'break-all', unicodeBidi: 'isolate' }}>
      {children}
    </Text>
  );
}
