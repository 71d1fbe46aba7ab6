// app.get('/not-a-route', handler) lives only in a comment
