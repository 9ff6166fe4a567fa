import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComingSoon } from './view/ComingSoon';
import './view/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ComingSoon />
    </StrictMode>,
  );
}
