from django.test import TestCase


class UserTests(TestCase):
    def test_detail(self):
        response = self.client.get("/users/alice/")
        self.assertEqual(response.status_code, 200)
