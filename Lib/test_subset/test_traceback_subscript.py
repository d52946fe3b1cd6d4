def get_user(db, user_id):
    return db["users"][user_id]["name"]

db = {"users": {1: {"name": "ann"}, 2: {"email": "bob@example.com"}}}
print(get_user(db, 1))
print(get_user(db, 2))
