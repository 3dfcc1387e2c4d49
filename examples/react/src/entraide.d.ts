// Lets TSX type-check <entraide-forum> with its attributes (React 19 passes them through).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EntraideForum } from 'entraide';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'entraide-forum': DetailedHTMLProps<HTMLAttributes<EntraideForum>, EntraideForum> & {
        api?: string;
        locale?: 'fr' | 'en';
        theme?: 'light' | 'dark';
        'base-path'?: string;
      };
    }
  }
}
