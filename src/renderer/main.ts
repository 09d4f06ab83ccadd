// Renderer entry: fonts and styles, the back-end connection, then the Vue app with
// Pinia and vue-i18n.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { useWorkbenchApi } from './api'
import { connectWorkbench } from './api/connect'
import { i18n } from './i18n'
import './styles/fonts.css'
import './styles/tokens.css'
import './styles/base.css'

useWorkbenchApi(connectWorkbench())
createApp(App).use(createPinia()).use(i18n).mount('#app')
