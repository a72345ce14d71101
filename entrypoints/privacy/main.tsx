import { render } from 'preact';
import { Privacy } from '@/components/Privacy';
import '@/components/theme.css';

render(<Privacy />, document.getElementById('app')!);
