// Renderer entry: fonts and styles, the back-end connection, then the Vue app with
// Pinia and vue-i18n.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { useWorkbenchApi } from './api'
import { connectWorkbench } from './api/connect'
import { useLiveStore } from './stores/live'
import { i18n } from './i18n'
import './styles/fonts.css'
import './styles/tokens.css'
import './styles/base.css'

const { api, changes } = connectWorkbench()
useWorkbenchApi(api)
const pinia = createPinia()
createApp(App).use(pinia).use(i18n).mount('#app')
// Other windows' saves show here too.
if (changes) useLiveStore(pinia).start(changes)
