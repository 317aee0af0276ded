import { mount } from 'svelte';
import App from './App.svelte';
import CustomerDisplay from './components/CustomerDisplay.svelte';
import './app.css';

// The customer's window (a second screen) opens the same page with `?view=customer`.
const customer = new URLSearchParams(window.location.search).get('view') === 'customer';

mount(customer ? CustomerDisplay : App, { target: document.getElementById('app')! });
