// Keeps the user's theme for a year; read by the server when it renders the next page (DashboardTheme.IsDark).
export function saveTheme(name, value) {
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax${secure}`;
}
