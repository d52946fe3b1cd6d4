class Config:
    def __init__(self):
        self.debug = False

class App:
    def __init__(self, config):
        self.config = config

    def describe(self):
        return f"debug={self.config.debug}, level={self.config.level}"

app = App(Config())
print(app.config.debug)
print(app.describe())
