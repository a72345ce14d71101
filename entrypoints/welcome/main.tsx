import { render } from 'preact';
import { Welcome } from '@/components/Welcome';
import '@/components/theme.css';

render(<Welcome />, document.getElementById('app')!);
