print("precision")
