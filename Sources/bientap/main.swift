print("bientap")
