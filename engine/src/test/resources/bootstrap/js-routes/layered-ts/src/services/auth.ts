export default class AuthService {
  public async signUp(input: SignUpInput) {
    const response = await fetch('https://id.example.com/users', { method: 'POST' });
    return response.json();
  }
  public async signIn(input: unknown) {
    return { token: 'x' };
  }
}
